package org.luoshi.spreadsheet;

import static org.luoshi.common.DomainException.invalid;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.util.XMLHelper;
import org.apache.poi.xssf.eventusermodel.XSSFReader;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.luoshi.common.DomainException;
import org.luoshi.common.FileKind;
import org.xml.sax.Attributes;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import org.xml.sax.XMLReader;
import org.xml.sax.helpers.DefaultHandler;

/**
 * The office's spreadsheet read as rows of cells, after the file as a whole passed: an .xlsx by its
 * content (not its name), within the size limit, its first sheet with no formula and no more item rows
 * than allowed (both counted by streaming the sheet's XML before it is loaded), the template's headers.
 * Each refusal is a 400 naming {@code file} (and the row and column where there is one).
 */
final class ImportSheet {

  /** A cell's value as read: text, a number, a date (Excel date cell) or an error code; null when empty. */
  record Value(String text, BigDecimal number, LocalDate date, boolean error) {

    boolean blank() {
      return text == null && number == null && date == null && !error;
    }
  }

  /** One non-empty row below the header: its number as Excel shows it (the header is row 1). */
  record RawRow(int row, Map<ImportColumn, Value> cells) {}

  private ImportSheet() {}

  static List<RawRow> read(byte[] content, ImportSettings settings) {
    if (content == null || content.length == 0) {
      throw invalid("file", "请选择要导入的 Excel 文件");
    }
    if (content.length > settings.maxSize().toBytes()) {
      throw invalid("file", "文件不能超过 " + megabytes(settings.maxSize().toBytes()) + "（收到 "
          + megabytes(content.length) + "）");
    }
    FileKind kind = FileKind.sniff(content).orElse(null);
    if (kind == FileKind.XLS) {
      throw invalid("file", "这是 Excel 97-2003（.xls）文件，请另存为 .xlsx 后再导入");
    }
    if (kind != FileKind.XLSX) {
      throw invalid("file", "文件不是 Excel 表格（.xlsx），请使用导入模板填写");
    }
    OPCPackage pkg = null;
    try {
      pkg = OPCPackage.open(new ByteArrayInputStream(content));
      int rows = scan(pkg);
      if (rows - 1 > settings.maxRows()) {
        throw invalid("file", "表格有 " + (rows - 1) + " 行事项，超过每次最多导入的 " + settings.maxRows()
            + " 行，请分批导入");
      }
      // not closed: closing a package read from memory would try to save it; reverted below
      return rows(new XSSFWorkbook(pkg).getSheetAt(0));
    } catch (DomainException e) {
      throw e;
    } catch (Exception unreadable) {
      throw invalid("file", "无法读取该 Excel 文件（文件损坏、加密或过于复杂），请使用导入模板重新填写");
    } finally {
      if (pkg != null) {
        pkg.revert();
      }
    }
  }

  /** Streams the first sheet's XML: refuses the first formula; answers the number of rows holding a value. */
  private static int scan(OPCPackage pkg) throws Exception {
    XSSFReader reader = new XSSFReader(pkg);
    Iterator<InputStream> sheets = reader.getSheetsData();
    if (!sheets.hasNext()) {
      throw invalid("file", "表格中没有工作表");
    }
    RowCounter counter = new RowCounter();
    try (InputStream sheet = sheets.next()) {
      XMLReader xml = XMLHelper.newXMLReader();
      xml.setContentHandler(counter);
      xml.parse(new InputSource(sheet));
    } catch (FormulaFound f) {
      CellReference ref = new CellReference(f.ref);
      throw invalid("file", "第 " + (ref.getRow() + 1) + " 行 " + CellReference.convertNumToColString(ref.getCol())
          + " 列是公式，请改为直接填写的值（复制后“选择性粘贴—数值”）再导入");
    }
    return counter.rows;
  }

  private static final class FormulaFound extends SAXException {
    final String ref;

    FormulaFound(String ref) {
      super("formula at " + ref);
      this.ref = ref;
    }
  }

  private static final class RowCounter extends DefaultHandler {
    int rows;
    boolean rowHasValue;
    String cell;

    @Override
    public void startElement(String uri, String localName, String qName, Attributes attributes) throws SAXException {
      String name = localName == null || localName.isEmpty() ? qName : localName;
      switch (name) {
        case "row" -> rowHasValue = false;
        case "c" -> cell = attributes.getValue("r");
        case "f" -> throw new FormulaFound(cell == null ? "A1" : cell);
        case "v", "is" -> rowHasValue = true;
        default -> { }
      }
    }

    @Override
    public void endElement(String uri, String localName, String qName) {
      String name = localName == null || localName.isEmpty() ? qName : localName;
      if (name.equals("row") && rowHasValue) {
        rows++;
      }
    }
  }

  private static List<RawRow> rows(Sheet sheet) {
    Row head = sheet.getRow(sheet.getFirstRowNum());
    if (head == null) {
      throw invalid("file", "表格是空的，请使用导入模板填写");
    }
    Map<ImportColumn, Integer> columns = new EnumMap<>(ImportColumn.class);
    for (Cell cell : head) {
      Value v = value(cell);
      if (v.blank()) {
        continue;
      }
      String text = v.text() != null ? v.text() : String.valueOf(v.number());
      String where = "第 " + (head.getRowNum() + 1) + " 行 " + CellReference.convertNumToColString(cell.getColumnIndex()) + " 列";
      ImportColumn c = ImportColumn.byHeader(text).orElseThrow(() -> invalid("file",
          where + "的表头“" + org.luoshi.common.Inputs.excerpt(text) + "”不是模板中的列，请使用导入模板"));
      if (columns.put(c, cell.getColumnIndex()) != null) {
        throw invalid("file", where + "：“" + c.header() + "”列出现了两次");
      }
    }
    for (ImportColumn c : ImportColumn.values()) {
      if (c.required() && !columns.containsKey(c)) {
        throw invalid("file", "表格缺少“" + c.header() + "”列，请使用导入模板");
      }
    }
    List<RawRow> rows = new ArrayList<>();
    for (int r = head.getRowNum() + 1; r <= sheet.getLastRowNum(); r++) {
      Row row = sheet.getRow(r);
      if (row == null) {
        continue;
      }
      Map<ImportColumn, Value> cells = new EnumMap<>(ImportColumn.class);
      boolean any = false;
      for (var e : columns.entrySet()) {
        Value v = value(row.getCell(e.getValue()));
        cells.put(e.getKey(), v);
        any |= !v.blank();
      }
      if (any) {
        rows.add(new RawRow(r + 1, cells));
      }
    }
    if (rows.isEmpty()) {
      throw invalid("file", "表格中没有事项：请从第 2 行起每行填写一项");
    }
    return rows;
  }

  private static Value value(Cell cell) {
    if (cell == null) {
      return new Value(null, null, null, false);
    }
    CellType type = cell.getCellType();
    return switch (type) {
      case STRING -> {
        String s = cell.getStringCellValue();
        yield new Value(s == null || s.isBlank() ? null : s, null, null, false);
      }
      case NUMERIC -> DateUtil.isCellDateFormatted(cell)
          ? new Value(null, null, cell.getLocalDateTimeCellValue().toLocalDate(), false)
          : new Value(null, BigDecimal.valueOf(cell.getNumericCellValue()).stripTrailingZeros(), null, false);
      case BOOLEAN -> new Value(cell.getBooleanCellValue() ? "是" : "否", null, null, false);
      case ERROR -> new Value(null, null, null, true);
      default -> new Value(null, null, null, false);
    };
  }

  static String megabytes(long bytes) {
    return BigDecimal.valueOf(bytes).divide(BigDecimal.valueOf(1024 * 1024), 1, java.math.RoundingMode.HALF_UP)
        .stripTrailingZeros().toPlainString() + " MB";
  }
}
