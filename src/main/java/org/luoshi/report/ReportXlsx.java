package org.luoshi.report;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * A report as an Excel workbook, one sheet per section: 总体情况, 单位排名, 责任人排名, 逾期事项, 约谈情况
 * and, for the quarterly report, 督查情况. Counts and scores are numbers, so they can be summed.
 */
final class ReportXlsx {

  private ReportXlsx() {}

  static byte[] render(ReportView r) {
    ReportContent c = r.content();
    try (XSSFWorkbook wb = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
      CellStyle bold = wb.createCellStyle();
      Font font = wb.createFont();
      font.setBold(true);
      bold.setFont(font);

      Sheet overview = wb.createSheet("总体情况");
      int row = 0;
      row = line(overview, row, bold, c.title());
      row = line(overview, row, null, c.kindLabel() + (r.issueNumber() == null ? "（" + r.statusLabel() + "，未发布）"
          : "  " + r.issueYear() + "年第" + r.issueNumber() + "期"));
      row = line(overview, row, null, "统计期间：" + c.from() + " 至 " + c.to());
      if (r.foreword() != null) {
        row = line(overview, row, null, "按语：" + r.foreword());
      }
      row = line(overview, row, null, ReportText.summary(c));
      row++;
      var f = c.figures();
      List<ReportContent.UnitFigures> units = new ArrayList<>(c.byUnit());
      units.add(new ReportContent.UnitFigures("", "合计", f));
      table(overview, row, bold, List.of("单位", "下发", "已办结", "销号审核中", "正在落实", "退回", "撤销", "逾期", "办结率"),
          units, u -> List.of(u.unitName(), u.figures().issued(), u.figures().closed(), u.figures().closing(),
              u.figures().inProgress(), u.figures().returned(), u.figures().cancelled(), u.figures().overdue(),
              u.figures().closedRate() == null ? "" : u.figures().closedRate()));

      table(wb.createSheet("单位排名"), 0, bold, List.of("名次", "单位代码", "单位", "平均综合得分", "办结", "逾期", "退回"),
          c.unitRanking(), u -> List.of(rank(u.rank()), u.unitCode(), u.unitName(), score(u.averageFinalScore()), u.closed(),
              u.overdue(), u.returned()));
      table(wb.createSheet("责任人排名"), 0, bold, List.of("名次", "责任人", "单位", "平均综合得分", "办结", "逾期"),
          c.personRanking(), p -> List.of(rank(p.rank()), p.name(), p.unitNames(), score(p.averageFinalScore()), p.closed(),
              p.overdue()));
      table(wb.createSheet("逾期事项"), 0, bold, List.of("编号", "事项", "责任单位", "责任人", "截止日期", "逾期天数"),
          c.overdue(), o -> List.of(o.code(), o.title(), o.unitName(), nz(o.responsiblePerson()), o.deadline(),
              o.daysOverdue()));
      var i = c.interviews();
      Sheet interviews = wb.createSheet("约谈情况");
      int r2 = line(interviews, 0, null, "约谈 " + i.sessions() + " 次，" + i.people() + " 人，" + i.personTimes() + " 人次");
      table(interviews, r2 + 1, bold, List.of("编号", "约谈日期", "约谈人", "被约谈人", "约谈类型", "约谈事由", "主题", "处理结果"),
          i.held(), l -> List.of(l.id(), nz(l.heldOn()), nz(l.interviewer()), nz(l.interviewees()), nz(l.method()),
              nz(l.trigger()), nz(l.subject()), nz(l.outcome())));
      if (c.supervision() != null) {
        var s = c.supervision();
        Sheet sheet = wb.createSheet("督查情况");
        table(sheet, 0, bold, List.of("督查次数", "督查报告", "发现问题", "未整改", "待核验", "已销号", "逾期未整改"),
            List.of(s), x -> List.of(x.inspections(), x.reports(), x.problemsFound(), x.open(), x.rectified(),
                x.verified(), x.overdue()));
        table(sheet, 3, bold, List.of("单位", "被督查次数", "发现问题", "未整改", "待核验", "已销号"), s.byUnit(),
            u -> List.of(u.unitName(), u.inspections(), u.problemsFound(), u.open(), u.rectified(), u.verified()));
      }
      wb.write(out);
      return out.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static Object score(BigDecimal s) {
    return s == null ? "" : s;
  }

  private static String nz(String s) {
    return s == null ? "" : s;
  }

  private static int line(Sheet sheet, int row, CellStyle style, String text) {
    var cell = sheet.createRow(row).createCell(0);
    cell.setCellValue(text);
    if (style != null) {
      cell.setCellStyle(style);
    }
    return row + 1;
  }

  private static <T> void table(Sheet sheet, int first, CellStyle bold, List<String> headers, List<T> rows,
      Function<T, List<?>> cells) {
    Row head = sheet.createRow(first);
    for (int i = 0; i < headers.size(); i++) {
      var cell = head.createCell(i);
      cell.setCellValue(headers.get(i));
      cell.setCellStyle(bold);
      sheet.setColumnWidth(i, Math.max(sheet.getColumnWidth(i), 14 * 256));
    }
    int r = first + 1;
    for (T t : rows) {
      Row row = sheet.createRow(r++);
      List<?> values = cells.apply(t);
      for (int i = 0; i < values.size(); i++) {
        Object v = values.get(i);
        var cell = row.createCell(i);
        if (v instanceof Number n) {
          cell.setCellValue(n.doubleValue());
        } else {
          cell.setCellValue(v == null ? "" : v.toString());
        }
      }
    }
  }

  /** A rank, or 未排名 for whoever closed nothing in the period. */
  private static Object rank(Integer rank) {
    return rank == null ? "未排名" : rank;
  }
}
