package org.luoshi.document;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.util.Map;
import org.apache.poi.xwpf.extractor.XWPFWordExtractor;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFRun;
import org.junit.jupiter.api.Test;

/** Placeholders are replaced wherever Word put them: split over runs, in tables, with line breaks. */
class DocxTemplateTest {

  @Test
  void aPlaceholderSplitOverRunsIsReplacedKeepingTheFirstRunsFormatting() throws Exception {
    XWPFDocument doc = new XWPFDocument();
    XWPFParagraph p = doc.createParagraph();
    run(p, "致 ", false);
    run(p, "${unit", true);
    run(p, "Na", false);
    run(p, "me}：截止 ${deadline}，${unknown}完", false);
    run(p, "。", false);
    var cell = doc.createTable(1, 1).getRow(0).getCell(0).getParagraphs().get(0);
    run(cell, "${requirements}", false);

    byte[] filled = DocxTemplate.fill(new ByteArrayInputStream(bytes(doc)),
        Map.of("unitName", "测试一局", "deadline", "2026年9月30日", "requirements", "一、工作目标\n二、落实措施"));

    try (XWPFDocument read = new XWPFDocument(new ByteArrayInputStream(filled))) {
      XWPFParagraph first = read.getParagraphs().get(0);
      assertThat(first.getText()).isEqualTo("致 测试一局：截止 2026年9月30日，完。");
      assertThat(first.getRuns().get(1).text()).isEqualTo("测试一局");
      assertThat(first.getRuns().get(1).isBold()).isTrue();
      String all = new XWPFWordExtractor(read).getText();
      assertThat(all).contains("一、工作目标\n二、落实措施").doesNotContain("${").doesNotContain("}");
    }
  }

  @Test
  void textWithoutPlaceholdersIsLeftAsItIs() throws Exception {
    XWPFDocument doc = new XWPFDocument();
    XWPFParagraph p = doc.createParagraph();
    run(p, "价格 {100} 元，$ 符号", false);
    byte[] filled = DocxTemplate.fill(new ByteArrayInputStream(bytes(doc)), Map.of());
    try (XWPFDocument read = new XWPFDocument(new ByteArrayInputStream(filled))) {
      assertThat(read.getParagraphs().get(0).getText()).isEqualTo("价格 {100} 元，$ 符号");
    }
  }

  private static void run(XWPFParagraph p, String text, boolean bold) {
    XWPFRun r = p.createRun();
    r.setText(text);
    r.setBold(bold);
  }

  private static byte[] bytes(XWPFDocument doc) throws Exception {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    doc.write(out);
    doc.close();
    return out.toByteArray();
  }
}
