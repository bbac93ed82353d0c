// Writes Luoshi's default templates of formal documents (督办通知单, 督办函, 整改通知书) as .docx into a folder:
//   java -cp <poi, poi-ooxml, poi-ooxml-lite, xmlbeans, commons-io, commons-compress, commons-collections4, log4j-api>
//        tools/DocumentTemplates.java src/main/resources/documents
// The office replaces them with its own (luoshi.documents.template-dir): any .docx with the same ${placeholders}.
// One placeholder of each is split over two runs on purpose, as Word often saves them, so the tests cover that.
import java.io.FileOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.poi.xwpf.usermodel.Borders;
import org.apache.poi.xwpf.usermodel.ParagraphAlignment;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFRun;
import org.apache.poi.xwpf.usermodel.XWPFTable;

public class DocumentTemplates {

  public static void main(String[] args) throws Exception {
    Path dir = Path.of(args.length > 0 ? args[0] : "src/main/resources/documents");
    Files.createDirectories(dir);
    write(dir.resolve("notice.docx"), "督办通知单", new String[] {
        "根据区委、区政府工作部署，现将下列事项交由你单位牵头落实，请按要求抓好落实。"}, true, new String[] {
        "请于${deadline}前完成，按月报送落实进展，完成后在系统中报送完成情况、申请销号。"});
    write(dir.resolve("letter.docx"), "督办函", new String[] {
        "由你单位牵头落实的《${itemTitle}》（事项编号 ${itemCode}），完成时限为${deadline}。截至${date}，该事项${situation}，当前进度 ${progressPercent}%。",
        "按照区委、区政府工作落实有关要求，现予督办。请你单位："}, false, new String[] {
        "请于收到本函后 5 个工作日内，将落实情况书面报送区委区政府督查室。"});
    write(dir.resolve("rectification.docx"), "整改通知书", new String[] {
        "经督查，由你单位牵头落实的《${itemTitle}》（事项编号 ${itemCode}）${situation}，当前进度 ${progressPercent}%，落实不到位。",
        "现通知你单位限期整改，整改要求如下："}, false, new String[] {
        "整改期限：${deadline}前。整改完成后，请将整改情况连同佐证材料报送督查室核验。逾期未完成整改的，将按规定启动约谈问责。"});
  }

  private static void write(Path file, String title, String[] opening, boolean table, String[] closing) throws Exception {
    try (XWPFDocument doc = new XWPFDocument()) {
      XWPFParagraph head = centred(doc);
      run(head, "${district}人民政府督查室", 26, true, "C00000");
      XWPFParagraph number = centred(doc);
      // split on purpose: ${number} over two runs
      run(number, "${num", 16, false, null);
      run(number, "ber}", 16, false, null);
      number.setBorderBottom(Borders.THICK);
      XWPFParagraph name = centred(doc);
      name.setSpacingBefore(240);
      run(name, title, 22, true, null);
      run(doc.createParagraph(), "${unitName}：", 16, false, null);
      for (String line : opening) {
        indented(doc, line);
      }
      if (table) {
        XWPFTable t = doc.createTable(8, 2);
        String[][] rows = {{"事项编号", "${itemCode}"}, {"事项名称", "${itemTitle}"}, {"事项来源", "${sourceName}"},
            {"分管领导", "${leadLeaderName}"}, {"下发日期", "${issuedOn}"}, {"完成时限", "${deadline}"},
            {"工作目标", "${target}"}, {"落实要求", "${requirements}"}};
        for (int r = 0; r < rows.length; r++) {
          for (int c = 0; c < 2; c++) {
            XWPFParagraph p = t.getRow(r).getCell(c).getParagraphs().get(0);
            run(p, rows[r][c], 14, c == 0, null);
          }
        }
        t.setWidth("100%");
      } else {
        indented(doc, "${requirements}");
      }
      for (String line : closing) {
        indented(doc, line);
      }
      XWPFParagraph sign = doc.createParagraph();
      sign.setAlignment(ParagraphAlignment.RIGHT);
      sign.setSpacingBefore(480);
      run(sign, "${district}人民政府督查室", 16, false, null);
      XWPFParagraph date = doc.createParagraph();
      date.setAlignment(ParagraphAlignment.RIGHT);
      run(date, "${date}", 16, false, null);
      try (FileOutputStream out = new FileOutputStream(file.toFile())) {
        doc.write(out);
      }
    }
  }

  private static XWPFParagraph centred(XWPFDocument doc) {
    XWPFParagraph p = doc.createParagraph();
    p.setAlignment(ParagraphAlignment.CENTER);
    return p;
  }

  private static void indented(XWPFDocument doc, String text) {
    XWPFParagraph p = doc.createParagraph();
    p.setIndentationFirstLine(640);
    p.setSpacingBetween(1.5);
    run(p, text, 16, false, null);
  }

  private static void run(XWPFParagraph p, String text, int size, boolean bold, String color) {
    XWPFRun r = p.createRun();
    r.setText(text);
    r.setFontSize(size);
    r.setBold(bold);
    r.setFontFamily("仿宋");
    if (color != null) {
      r.setColor(color);
    }
  }
}
