package org.luoshi.spreadsheet;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.List;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.DataValidation;
import org.apache.poi.ss.usermodel.DataValidationHelper;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Name;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.CellRangeAddressList;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.luoshi.identity.Person;
import org.luoshi.identity.Unit;
import org.luoshi.item.ItemCategory;
import org.luoshi.item.ItemSource;

/**
 * The import template: sheet 责任清单 with the Chinese headers (required ones marked *) and drop-down
 * lists for 事项来源, 工作类别, 责任单位 and 分管领导 (by name, from a hidden sheet 选项), dates as dates;
 * sheet 填写说明 explains each column with an example row (on its own sheet, so that it is never imported
 * by mistake).
 */
final class ImportTemplate {

  private static final int LIST_ROWS = 5000;

  private ImportTemplate() {}

  static byte[] render(List<Unit> units, List<Person> leaders, int maxRows) {
    try (XSSFWorkbook wb = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
      CellStyle bold = wb.createCellStyle();
      Font font = wb.createFont();
      font.setBold(true);
      bold.setFont(font);
      CellStyle date = wb.createCellStyle();
      date.setDataFormat(wb.getCreationHelper().createDataFormat().getFormat("yyyy-mm-dd"));

      Sheet list = wb.createSheet("责任清单");
      Row head = list.createRow(0);
      ImportColumn[] columns = ImportColumn.values();
      int[] widths = {36, 16, 12, 22, 12, 14, 40, 14, 30};
      for (int i = 0; i < columns.length; i++) {
        var cell = head.createCell(i);
        cell.setCellValue(columns[i].templateHeader());
        cell.setCellStyle(bold);
        list.setColumnWidth(i, widths[i] * 256);
        if (columns[i] == ImportColumn.DEADLINE || columns[i] == ImportColumn.ISSUED_ON) {
          list.setDefaultColumnStyle(i, date);
        }
      }
      list.createFreezePane(0, 1);

      Sheet options = wb.createSheet("选项");
      fill(options, 0, Arrays.stream(ItemSource.values()).map(ItemSource::label).toList());
      fill(options, 1, Arrays.stream(ItemCategory.values()).map(ItemCategory::label).toList());
      fill(options, 2, units.stream().map(Unit::name).toList());
      fill(options, 3, leaders.stream().map(Person::name).toList());
      DataValidationHelper dv = list.getDataValidationHelper();
      choose(wb, list, dv, "来源", "选项!$A$1:$A$" + ItemSource.values().length, ImportColumn.SOURCE);
      choose(wb, list, dv, "类别", "选项!$B$1:$B$" + ItemCategory.values().length, ImportColumn.CATEGORY);
      if (!units.isEmpty()) {
        choose(wb, list, dv, "单位", "选项!$C$1:$C$" + units.size(), ImportColumn.UNIT);
      }
      if (!leaders.isEmpty()) {
        choose(wb, list, dv, "领导", "选项!$D$1:$D$" + leaders.size(), ImportColumn.LEADER);
      }
      wb.setSheetHidden(wb.getSheetIndex(options), true);

      Sheet help = wb.createSheet("填写说明");
      help.setColumnWidth(0, 16 * 256);
      help.setColumnWidth(1, 90 * 256);
      String[][] lines = {
          {"填写说明", "在“责任清单”工作表中从第 2 行起每行填写一项；带 * 的列必填。每次最多导入 " + maxRows + " 行。"},
          {"事项名称*", "不超过 200 字。"},
          {"事项来源*", "从下拉列表选择：领导批示、重大决策部署、重点工作、常委会议定事项。"},
          {"工作类别", "从下拉列表选择，可不填（为“其他”）。"},
          {"责任单位*", "从下拉列表选择单位名称（也可填写单位代码）。"},
          {"分管领导*", "从下拉列表选择区级分管领导的姓名（同名时填写用户名）。"},
          {"截止日期*", "日期，如 2026-12-31；不能早于下发日期。"},
          {"工作目标*", "不超过 2000 字。"},
          {"下发日期", "补录以往已下发的事项时填写（不能晚于今天）；不填为导入当天。"},
          {"协办单位", "可不填。填写单位名称或代码，多个用顿号“、”或逗号分隔，最多 10 个；不能与责任单位（牵头单位）相同，不能重复。"},
          {"注意", "请直接填写数值，不要使用公式；上传后先预览核对，确认后才正式下发。"},
          {"", ""},
          {"示例", "以下一行仅为示例，请勿复制到“责任清单”工作表。"}};
      int r = 0;
      for (String[] line : lines) {
        Row row = help.createRow(r++);
        row.createCell(0).setCellValue(line[0]);
        row.createCell(1).setCellValue(line[1]);
        row.getCell(0).setCellStyle(bold);
      }
      Row exampleHead = help.createRow(r++);
      Row example = help.createRow(r);
      String[] values = {"推进城区老旧小区改造", ItemSource.KEY_TASK.label(), ItemCategory.PROJECTS.label(),
          units.isEmpty() ? "区住建局" : units.get(0).name(), leaders.isEmpty() ? "张三" : leaders.get(0).name(),
          "2026-12-31", "年内完成 12 个小区改造，惠及居民 3000 户", "",
          units.size() < 2 ? "区财政局、区自然资源局" : units.get(1).name()};
      for (int i = 0; i < columns.length; i++) {
        exampleHead.createCell(i).setCellValue(columns[i].templateHeader());
        exampleHead.getCell(i).setCellStyle(bold);
        example.createCell(i).setCellValue(values[i]);
      }
      wb.setActiveSheet(0);
      wb.write(out);
      return out.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void fill(Sheet sheet, int column, List<String> values) {
    for (int i = 0; i < values.size(); i++) {
      Row row = sheet.getRow(i) == null ? sheet.createRow(i) : sheet.getRow(i);
      row.createCell(column).setCellValue(values.get(i));
    }
  }

  private static void choose(XSSFWorkbook wb, Sheet sheet, DataValidationHelper dv, String name, String range,
      ImportColumn column) {
    Name n = wb.createName();
    n.setNameName(name);
    n.setRefersToFormula(range);
    DataValidation v = dv.createValidation(dv.createFormulaListConstraint(name),
        new CellRangeAddressList(1, LIST_ROWS, column.ordinal(), column.ordinal()));
    v.setShowErrorBox(true);
    v.createErrorBox("请从列表中选择", "请从下拉列表中选择" + column.header());
    sheet.addValidationData(v);
  }
}
