package org.luoshi.spreadsheet;

import java.io.IOException;
import java.io.OutputStream;
import java.util.List;
import java.util.function.Consumer;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.streaming.SXSSFSheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.luoshi.identity.Organisation;
import org.luoshi.item.ItemViews.ItemSummary;

/**
 * The ledger as an .xlsx, written as it is read (SXSSF keeps 200 rows in memory and the rest in a
 * temporary file deleted afterwards): Chinese headers, dates as Excel dates, progress and score as
 * numbers, so that the office can sort, filter and sum.
 */
final class LedgerWorkbook {

  static final List<String> HEADERS = List.of("编号", "事项名称", "事项来源", "工作类别", "责任单位", "协办单位", "分管领导", "责任人",
      "下发日期", "截止日期", "状态", "是否逾期", "是否延期", "红黄绿灯", "完成进度（%）", "综合得分", "上级事项编号");
  /** Excel's last row (1,048,576) less the header. */
  static final int MAX_ROWS = 1_048_575;

  private LedgerWorkbook() {}

  /** Writes the workbook; {@code rows} hands each ledger row to the consumer it is given. */
  static void write(OutputStream out, Organisation organisation, Consumer<Consumer<ItemSummary>> rows) throws IOException {
    SXSSFWorkbook wb = new SXSSFWorkbook(200);
    try {
      wb.setCompressTempFiles(true);
      CellStyle bold = wb.createCellStyle();
      Font font = wb.createFont();
      font.setBold(true);
      bold.setFont(font);
      CellStyle date = wb.createCellStyle();
      date.setDataFormat(wb.getCreationHelper().createDataFormat().getFormat("yyyy-mm-dd"));
      SXSSFSheet sheet = wb.createSheet("责任清单台账");
      int[] widths = {14, 40, 14, 12, 20, 24, 10, 10, 12, 12, 12, 10, 10, 10, 14, 10, 16};
      Row head = sheet.createRow(0);
      for (int i = 0; i < HEADERS.size(); i++) {
        var cell = head.createCell(i);
        cell.setCellValue(HEADERS.get(i));
        cell.setCellStyle(bold);
        sheet.setColumnWidth(i, widths[i] * 256);
      }
      sheet.createFreezePane(0, 1);
      int[] next = {1};
      rows.accept(i -> {
        Row row = sheet.createRow(next[0]++);
        int c = 0;
        row.createCell(c++).setCellValue(i.code());
        row.createCell(c++).setCellValue(i.title());
        row.createCell(c++).setCellValue(i.source().label());
        row.createCell(c++).setCellValue(i.category() == null ? "" : i.category().label());
        row.createCell(c++).setCellValue(i.unitName());
        row.createCell(c++).setCellValue(String.join("、", i.coUnitNames()));
        row.createCell(c++).setCellValue(organisation.nameOf(i.leadLeader()));
        row.createCell(c++).setCellValue(i.responsiblePerson() == null ? "" : organisation.nameOf(i.responsiblePerson()));
        var issued = row.createCell(c++);
        issued.setCellValue(i.issuedOn());
        issued.setCellStyle(date);
        var deadline = row.createCell(c++);
        deadline.setCellValue(i.deadline());
        deadline.setCellStyle(date);
        row.createCell(c++).setCellValue(i.status().label());
        row.createCell(c++).setCellValue(i.overdue() ? "是" : "否");
        row.createCell(c++).setCellValue(i.extended() ? "是" : "否");
        row.createCell(c++).setCellValue(i.light() == null ? "" : switch (i.light()) {
          case RED -> "红灯";
          case YELLOW -> "黄灯";
          case GREEN -> "绿灯";
        });
        row.createCell(c++).setCellValue(i.progressPercent());
        var score = row.createCell(c++);
        if (i.finalScore() != null) {
          score.setCellValue(i.finalScore().doubleValue());
        }
        row.createCell(c).setCellValue(i.parentCode() == null ? "" : i.parentCode());
      });
      if (next[0] > 1) {
        sheet.setAutoFilter(new org.apache.poi.ss.util.CellRangeAddress(0, next[0] - 1, 0, HEADERS.size() - 1));
      }
      wb.write(out);
    } finally {
      wb.close();
      wb.dispose();
    }
  }
}
