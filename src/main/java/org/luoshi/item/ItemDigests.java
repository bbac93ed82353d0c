package org.luoshi.item;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.luoshi.common.Texts;
import org.luoshi.identity.AccessPolicy;
import org.luoshi.identity.Groups;
import org.luoshi.identity.Organisation;
import org.luoshi.item.ItemViews.Change;
import org.luoshi.item.ItemViews.Counts;
import org.luoshi.item.ItemViews.ItemSummary;
import org.luoshi.notification.Notice;
import org.luoshi.notification.NotificationSettings;
import org.luoshi.notification.Notifications;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The daily digest (一天一汇总、一天一反馈): for each unit, the day's changes on its items and its
 * overdue and due-soon items; for each leader in charge, the same for the items they lead; for the
 * office and the principal leaders, the district's figures. One notice per person and day (key
 * {@code DIGEST:<date>}), their sections together; a person with nothing to read gets none.
 */
@Service
public class ItemDigests {

  public static final String TYPE = "DIGEST";
  /** Lines per list; the rest is counted and left to the ledger. */
  static final int MAX_LINES = 20;
  private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm");

  private final Items items;

  private final ItemFigures itemFigures;

  private final ItemLedger itemLedger;
  private final Organisation organisation;
  private final Notifications notifications;
  private final NotificationSettings settings;
  private final AccessPolicy access;

  ItemDigests(Items items, ItemFigures itemFigures, ItemLedger itemLedger, Organisation organisation, Notifications notifications, NotificationSettings settings,
      AccessPolicy access) {
    this.items = items;
    this.itemFigures = itemFigures;
    this.itemLedger = itemLedger;
    this.organisation = organisation;
    this.notifications = notifications;
    this.settings = settings;
    this.access = access;
  }

  /** A digest ready to send: who gets which text. */
  record Digest(LocalDate day, Map<String, String> bodies) {}

  /** Builds and sends the digests of a day; answers how many people got one. */
  @Transactional
  public int send(LocalDate day) {
    Digest digest = build(day);
    Notice template = notice(day, "");
    digest.bodies().forEach((recipient, body) -> notifications.send(
        new Notice(TYPE, template.title(), body, template.link(), template.key()), List.of(recipient)));
    return digest.bodies().size();
  }

  static Notice notice(LocalDate day, String body) {
    return new Notice(TYPE, "落实每日汇总：" + day.getYear() + "年" + day.getMonthValue() + "月" + day.getDayOfMonth() + "日",
        body, "/ledger/", TYPE + ":" + day);
  }

  @Transactional(readOnly = true)
  public Digest build(LocalDate day) {
    List<Change> changes = itemFigures.changesOn(day);
    List<ItemSummary> overdue = itemFigures.overdueNow();
    List<ItemSummary> dueSoon = itemFigures.dueWithin(settings.digest().dueSoonDays());
    Map<String, List<String>> sections = new LinkedHashMap<>();

    if (!changes.isEmpty() || !overdue.isEmpty() || !dueSoon.isEmpty()) {
      String district = district(day, changes, overdue, dueSoon);
      Set<String> readers = new LinkedHashSet<>(access.officeMembers());
      readers.addAll(organisation.members(Groups.PRINCIPAL_LEADERS));
      readers.forEach(r -> sections.computeIfAbsent(r, k -> new ArrayList<>()).add(district));
    }

    Set<String> leaders = new TreeSet<>();
    changes.forEach(c -> leaders.add(c.leadLeader()));
    overdue.forEach(i -> leaders.add(i.leadLeader()));
    dueSoon.forEach(i -> leaders.add(i.leadLeader()));
    for (String leader : leaders) {
      String section = section("【您分管的事项】", day, changes, overdue, dueSoon,
          c -> leader.equals(c.leadLeader()), i -> leader.equals(i.leadLeader()), true);
      sections.computeIfAbsent(leader, k -> new ArrayList<>()).add(section);
    }

    Set<String> units = new TreeSet<>();
    changes.forEach(c -> units.add(c.unitCode()));
    overdue.forEach(i -> units.add(i.unitCode()));
    dueSoon.forEach(i -> units.add(i.unitCode()));
    for (String unit : units) {
      String section = section("【" + organisation.unitName(unit) + "】", day, changes, overdue, dueSoon,
          c -> unit.equals(c.unitCode()), i -> unit.equals(i.unitCode()), false);
      for (String member : organisation.unitMembers(unit)) {
        sections.computeIfAbsent(member, k -> new ArrayList<>()).add(section);
      }
    }

    Map<String, String> bodies = new LinkedHashMap<>();
    sections.forEach((recipient, parts) -> bodies.put(recipient, Texts.cut(String.join("\n\n", parts), 4000)));
    return new Digest(day, bodies);
  }

  private String district(LocalDate day, List<Change> changes, List<ItemSummary> overdue, List<ItemSummary> dueSoon) {
    StringBuilder b = new StringBuilder("【全区】\n");
    Counts c = itemLedger.stats(day.getYear()).total();
    b.append(day.getYear()).append("年下发事项 ").append(c.issued()).append(" 项：已销号 ").append(c.closed())
        .append("，销号审核中 ").append(c.closing()).append("，落实中 ").append(c.inProgress())
        .append("，退回 ").append(c.returned()).append("，撤销 ").append(c.cancelled())
        .append("；逾期未完成 ").append(c.overdue()).append(" 项。");
    if (c.instructionReplyRate() != null) {
      b.append("批示件回复率 ").append(c.instructionReplyRate().movePointRight(2).stripTrailingZeros().toPlainString())
          .append("%。");
    }
    b.append('\n');
    Map<String, Long> counts = changes.stream()
        .collect(Collectors.groupingBy(Change::label, LinkedHashMap::new, Collectors.counting()));
    b.append("今日动态：").append(counts.isEmpty() ? "无"
        : counts.entrySet().stream().map(e -> e.getKey() + " " + e.getValue()).collect(Collectors.joining("，")))
        .append('\n');
    if (!overdue.isEmpty()) {
      Map<String, Long> byUnit = new TreeMap<>(overdue.stream()
          .collect(Collectors.groupingBy(ItemSummary::unitName, Collectors.counting())));
      b.append("逾期未完成（").append(overdue.size()).append(" 项）：")
          .append(byUnit.entrySet().stream().map(e -> e.getKey() + " " + e.getValue()).collect(Collectors.joining("，")))
          .append('\n');
      list(b, overdue.stream().map(i -> overdueLine(i, day, true)).toList());
    }
    if (!dueSoon.isEmpty()) {
      b.append("即将到期（").append(settings.digest().dueSoonDays()).append(" 天内，").append(dueSoon.size()).append(" 项）\n");
    }
    return b.toString().stripTrailing();
  }

  private String section(String heading, LocalDate day, List<Change> changes, List<ItemSummary> overdue,
      List<ItemSummary> dueSoon, Predicate<Change> mine, Predicate<ItemSummary> mineItem, boolean withUnit) {
    List<Change> c = changes.stream().filter(mine).toList();
    List<ItemSummary> o = overdue.stream().filter(mineItem).toList();
    List<ItemSummary> d = dueSoon.stream().filter(mineItem).toList();
    StringBuilder b = new StringBuilder(heading).append('\n');
    if (!c.isEmpty()) {
      b.append("今日动态（").append(c.size()).append(" 条）：\n");
      list(b, c.stream().map(x -> "【" + x.code() + "】" + x.title() + "：" + x.label()
          + (x.detail() == null || x.detail().isBlank() ? "" : "（" + Texts.cut(x.detail().replace('\n', ' '), 60) + "）")
          + "，" + organisation.nameOf(x.actor()) + " " + TIME.format(x.at())).toList());
    }
    if (!o.isEmpty()) {
      b.append("逾期未完成（").append(o.size()).append(" 项）：\n");
      list(b, o.stream().map(i -> overdueLine(i, day, withUnit)).toList());
    }
    if (!d.isEmpty()) {
      b.append("即将到期（").append(d.size()).append(" 项）：\n");
      list(b, d.stream().map(i -> "【" + i.code() + "】" + i.title() + (withUnit ? "（" + i.unitName() + "）" : "")
          + "，截止 " + i.deadline() + "，" + remaining(i, day)).toList());
    }
    return b.toString().stripTrailing();
  }

  private String overdueLine(ItemSummary i, LocalDate day, boolean withUnit) {
    return "【" + i.code() + "】" + i.title() + (withUnit ? "（" + i.unitName() + "）" : "") + "，截止 " + i.deadline()
        + "，已逾期 " + ChronoUnit.DAYS.between(i.deadline(), day) + " 天"
        + (i.responsiblePerson() == null ? "" : "，责任人 " + organisation.nameOf(i.responsiblePerson()));
  }

  private static String remaining(ItemSummary i, LocalDate day) {
    long days = ChronoUnit.DAYS.between(day, i.deadline());
    return days == 0 ? "今日到期" : "还剩 " + days + " 天";
  }

  private static void list(StringBuilder b, List<String> lines) {
    lines.stream().limit(MAX_LINES).forEach(l -> b.append("· ").append(l).append('\n'));
    if (lines.size() > MAX_LINES) {
      b.append("……另有 ").append(lines.size() - MAX_LINES).append(" 项，请查看台账\n");
    }
  }
}
