package org.luoshi.document;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.poi.xwpf.usermodel.IBodyElement;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFFooter;
import org.apache.poi.xwpf.usermodel.XWPFHeader;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFRun;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.apache.poi.xwpf.usermodel.XWPFTableCell;
import org.apache.poi.xwpf.usermodel.XWPFTableRow;

/**
 * Fills a Word template (.docx, Apache POI XWPF): every {@code ${name}} in the body, its tables,
 * headers and footers is replaced by its value, also where Word saved the placeholder in several
 * runs (as it does after an edit or a spelling check); the replacement keeps the formatting of the
 * run the placeholder starts in; a newline in a value becomes a line break. An unknown name is
 * replaced by nothing, so no {@code ${…}} ever reaches a reader.
 */
final class DocxTemplate {

  private DocxTemplate() {}

  static byte[] fill(InputStream template, Map<String, String> values) {
    try (XWPFDocument doc = new XWPFDocument(template)) {
      fill(doc.getBodyElements(), values);
      for (XWPFHeader h : doc.getHeaderList()) {
        fill(h.getBodyElements(), values);
      }
      for (XWPFFooter f : doc.getFooterList()) {
        fill(f.getBodyElements(), values);
      }
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      doc.write(out);
      return out.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException("A document template cannot be read", e);
    }
  }

  private static void fill(List<IBodyElement> elements, Map<String, String> values) {
    for (IBodyElement e : elements) {
      if (e instanceof XWPFParagraph p) {
        fill(p, values);
      } else if (e instanceof XWPFTable t) {
        for (XWPFTableRow row : t.getRows()) {
          for (XWPFTableCell cell : row.getTableCells()) {
            fill(cell.getBodyElements(), values);
          }
        }
      }
    }
  }

  /** Replaces the placeholders of one paragraph, run by run. */
  static void fill(XWPFParagraph paragraph, Map<String, String> values) {
    List<XWPFRun> runs = paragraph.getRuns();
    if (runs.isEmpty() || !paragraph.getText().contains("${")) {
      return;
    }
    List<StringBuilder> texts = new ArrayList<>();
    for (XWPFRun r : runs) {
      texts.add(new StringBuilder(text(r)));
    }
    boolean[] changed = new boolean[runs.size()];
    int from = 0;
    while (true) {
      String all = join(texts);
      int start = all.indexOf("${", from);
      if (start < 0) {
        break;
      }
      int end = all.indexOf('}', start);
      if (end < 0) {
        break;
      }
      String name = all.substring(start + 2, end).trim();
      String value = values.getOrDefault(name, "");
      int[] s = locate(texts, start);
      int[] e = locate(texts, end);
      if (s[0] == e[0]) {
        texts.get(s[0]).replace(s[1], e[1] + 1, value);
      } else {
        texts.get(s[0]).replace(s[1], texts.get(s[0]).length(), value);
        for (int i = s[0] + 1; i < e[0]; i++) {
          texts.get(i).setLength(0);
          changed[i] = true;
        }
        texts.get(e[0]).delete(0, e[1] + 1);
        changed[e[0]] = true;
      }
      changed[s[0]] = true;
      from = start + value.length();
    }
    for (int i = 0; i < runs.size(); i++) {
      if (changed[i]) {
        setText(runs.get(i), texts.get(i).toString());
      }
    }
  }

  private static String text(XWPFRun run) {
    String t = run.text();
    return t == null ? "" : t;
  }

  private static String join(List<StringBuilder> texts) {
    StringBuilder b = new StringBuilder();
    texts.forEach(b::append);
    return b.toString();
  }

  /** (run index, offset in the run) of a position in the paragraph's text. */
  private static int[] locate(List<StringBuilder> texts, int position) {
    int offset = position;
    for (int i = 0; i < texts.size(); i++) {
      int length = texts.get(i).length();
      if (offset < length) {
        return new int[] {i, offset};
      }
      offset -= length;
    }
    throw new IllegalStateException("position beyond the paragraph: " + position);
  }

  /** The run's text replaced, newlines as line breaks. */
  private static void setText(XWPFRun run, String text) {
    var ctr = run.getCTR();
    while (ctr.sizeOfTArray() > 0) {
      ctr.removeT(0);
    }
    while (ctr.sizeOfBrArray() > 0) {
      ctr.removeBr(0);
    }
    while (ctr.sizeOfTabArray() > 0) {
      ctr.removeTab(0);
    }
    String[] lines = text.split("\n", -1);
    for (int i = 0; i < lines.length; i++) {
      if (i > 0) {
        run.addBreak();
      }
      run.setText(lines[i], i);
    }
  }
}
