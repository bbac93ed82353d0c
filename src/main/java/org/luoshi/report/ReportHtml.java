package org.luoshi.report;

import static org.luoshi.report.ReportText.number;
import static org.luoshi.report.ReportText.percent;

import java.util.List;
import java.util.function.Function;
import org.springframework.web.util.HtmlUtils;

/** A report as a printable HTML page: 一、总体情况 二、排名 三、逾期事项 四、约谈情况 (五、督查情况). */
final class ReportHtml {

  private ReportHtml() {}

  static String render(ReportView r) {
    ReportContent c = r.content();
    StringBuilder h = new StringBuilder(16_384);
    h.append("<!DOCTYPE html>\n<html lang=\"zh-CN\"><head><meta charset=\"UTF-8\"><title>").append(esc(c.title()))
        .append("</title><link rel=\"stylesheet\" href=\"/ledger/ledger.css\"></head><body class=\"report\">\n<main>\n");
    h.append("<p class=\"report-kind\">").append(esc(c.kindLabel()));
    if (r.issueNumber() != null) {
      h.append(" · ").append(r.issueYear()).append("年第").append(r.issueNumber()).append("期");
    } else {
      h.append(" · <strong>").append(esc(r.statusLabel())).append("（未发布）</strong>");
    }
    h.append("</p>\n<h1>").append(esc(c.title())).append("</h1>\n");
    h.append("<p class=\"report-meta\">统计期间：").append(c.from()).append(" 至 ").append(c.to())
        .append("；数据生成于 ").append(esc(c.generatedAt().substring(0, Math.min(16, c.generatedAt().length()))
            .replace('T', ' '))).append("</p>\n");
    if (r.foreword() != null) {
      h.append("<section class=\"foreword\"><h2>按语</h2><p>").append(esc(r.foreword()).replace("\n", "<br>"))
          .append("</p></section>\n");
    }

    var f = c.figures();
    h.append("<section><h2>一、总体情况</h2>\n<p>").append(esc(ReportText.summary(c))).append("</p>\n");
    table(h, List.of("单位", "下发", "已办结", "销号审核中", "正在落实", "退回", "撤销", "逾期", "办结率"),
        concat(c.byUnit(), new ReportContent.UnitFigures("", "合计", f)),
        u -> List.of(u.unitName(), n(u.figures().issued()), n(u.figures().closed()), n(u.figures().closing()),
            n(u.figures().inProgress()), n(u.figures().returned()), n(u.figures().cancelled()),
            n(u.figures().overdue()), percent(u.figures().closedRate())));
    h.append("</section>\n");

    h.append("<section><h2>二、排名</h2>\n<h3>（一）单位排名</h3>\n");
    table(h, List.of("名次", "单位", "平均综合得分", "办结", "逾期", "退回"), c.unitRanking(),
        u -> List.of(rank(u.rank()), u.unitName(), number(u.averageFinalScore()), n(u.closed()), n(u.overdue()),
            n(u.returned())));
    h.append("<h3>（二）责任人排名</h3>\n");
    table(h, List.of("名次", "责任人", "单位", "平均综合得分", "办结", "逾期"), c.personRanking(),
        p -> List.of(rank(p.rank()), p.name(), p.unitNames(), number(p.averageFinalScore()), n(p.closed()),
            n(p.overdue())));
    h.append("</section>\n");

    h.append("<section><h2>三、逾期事项</h2>\n<p>截至期末逾期仍未办结的事项 ").append(c.overdue().size())
        .append(" 件：</p>\n");
    table(h, List.of("编号", "事项", "责任单位", "责任人", "截止日期", "逾期天数"), c.overdue(),
        o -> List.of(o.code(), o.title(), o.unitName(), o.responsiblePerson() == null ? "" : o.responsiblePerson(),
            o.deadline(), n(o.daysOverdue())));
    h.append("</section>\n");

    var i = c.interviews();
    h.append("<section><h2>四、约谈情况</h2>\n<p>本期开展约谈 ").append(i.sessions()).append(" 次，约谈 ")
        .append(i.people()).append(" 人（").append(i.personTimes()).append(" 人次）。</p>\n");
    table(h, List.of("编号", "约谈日期", "约谈人", "被约谈人", "约谈类型", "约谈事由", "主题", "处理结果"), i.held(),
        l -> List.of(l.id(), nz(l.heldOn()), nz(l.interviewer()), nz(l.interviewees()), nz(l.method()),
            nz(l.trigger()), nz(l.subject()), nz(l.outcome())));
    h.append("</section>\n");

    if (c.supervision() != null) {
      var s = c.supervision();
      h.append("<section><h2>五、督查情况</h2>\n<p>本季度开展督查 ").append(s.inspections()).append(" 次，形成督查报告 ")
          .append(s.reports()).append(" 份；发现问题 ").append(s.problemsFound()).append(" 个，已核验销号 ")
          .append(s.verified()).append(" 个，已整改待核验 ").append(s.rectified()).append(" 个，尚未整改 ")
          .append(s.open()).append(" 个，其中逾期未整改 ").append(s.overdue()).append(" 个。</p>\n");
      table(h, List.of("单位", "被督查次数", "发现问题", "未整改", "待核验", "已销号"), s.byUnit(),
          u -> List.of(u.unitName(), n(u.inspections()), n(u.problemsFound()), n(u.open()), n(u.rectified()),
              n(u.verified())));
      h.append("</section>\n");
    }
    h.append("<p class=\"report-links\"><a href=\"").append(esc(r.xlsx())).append("\">下载 Excel（.xlsx）</a> · ")
        .append("<a href=\"/ledger/reports.html\">报告列表</a></p>\n</main></body></html>\n");
    return h.toString();
  }

  private static <T> void table(StringBuilder h, List<String> headers, List<T> rows, Function<T, List<String>> cells) {
    if (rows.isEmpty()) {
      h.append("<p class=\"empty\">无。</p>\n");
      return;
    }
    h.append("<table><thead><tr>");
    headers.forEach(x -> h.append("<th>").append(esc(x)).append("</th>"));
    h.append("</tr></thead><tbody>\n");
    for (T row : rows) {
      h.append("<tr>");
      cells.apply(row).forEach(x -> h.append("<td>").append(esc(x)).append("</td>"));
      h.append("</tr>\n");
    }
    h.append("</tbody></table>\n");
  }

  private static <T> List<T> concat(List<T> list, T last) {
    var out = new java.util.ArrayList<>(list);
    out.add(last);
    return out;
  }

  /** A rank, or 未排名 for whoever closed nothing in the period. */
  private static String rank(Integer rank) {
    return rank == null ? "未排名" : n(rank);
  }

  private static String n(long v) {
    return Long.toString(v);
  }

  private static String nz(String s) {
    return s == null ? "" : s;
  }

  private static String esc(String s) {
    return s == null ? "" : HtmlUtils.htmlEscape(s, "UTF-8");
  }
}
