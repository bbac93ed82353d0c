package org.luoshi.spreadsheet;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.luoshi.common.Inputs;
import org.luoshi.engine.Time;
import org.luoshi.identity.Groups;
import org.luoshi.identity.Organisation;
import org.luoshi.identity.Person;
import org.luoshi.identity.Unit;
import org.luoshi.item.ItemCategory;
import org.luoshi.item.Items;
import org.luoshi.item.ItemSource;
import org.luoshi.spreadsheet.ImportSheet.RawRow;
import org.luoshi.spreadsheet.ImportSheet.Value;
import org.luoshi.spreadsheet.ImportViews.FieldError;
import org.luoshi.spreadsheet.ImportViews.ImportedItem;
import org.luoshi.spreadsheet.ImportViews.PreviewRow;
import org.springframework.stereotype.Component;

/**
 * Checks each row of the office's spreadsheet against the rules of issuing an item (DESIGN.md §4.1,
 * as POST /api/items applies them), collecting every problem of a row, each naming its column: the
 * preview shows them all at once. Units and leaders may be written by name (as in the template's
 * lists) or by code and user id; sources and categories by their Chinese names or their codes.
 * Issuing itself (on confirmation) applies the same rules again through POST /api/items' service.
 */
@Component
class ImportRules {

  private static final String SCOPE = "responsibility-item";
  private static final Pattern DATE = Pattern.compile("(\\d{4})\\s*[-/.年]\\s*(\\d{1,2})\\s*[-/.月]\\s*(\\d{1,2})\\s*日?");

  private final Organisation organisation;

  ImportRules(Organisation organisation) {
    this.organisation = organisation;
  }

  List<PreviewRow> check(List<RawRow> rows, boolean office) {
    LocalDate today = Time.today();
    Map<String, List<Unit>> unitsByName = new java.util.HashMap<>();
    organisation.units().forEach(u -> unitsByName.computeIfAbsent(u.name(), n -> new ArrayList<>()).add(u));
    List<Person> leaders = organisation.people(Groups.LEADERS);
    List<PreviewRow> result = new ArrayList<>(rows.size());
    for (RawRow raw : rows) {
      result.add(check(raw, today, office, unitsByName, leaders));
    }
    return result;
  }

  private PreviewRow check(RawRow raw, LocalDate today, boolean office, Map<String, List<Unit>> unitsByName,
      List<Person> leaders) {
    List<FieldError> errors = new ArrayList<>();
    Cells c = new Cells(raw, errors);

    String title = c.text(ImportColumn.TITLE);
    String sourceText = c.text(ImportColumn.SOURCE);
    ItemSource source = null;
    if (sourceText != null) {
      source = parseSource(sourceText);
      if (source == null) {
        c.error(ImportColumn.SOURCE, "事项来源“" + Inputs.excerpt(sourceText) + "”不正确，应为：领导批示、重大决策部署、重点工作、常委会议定事项");
      }
    }
    String categoryText = c.text(ImportColumn.CATEGORY);
    ItemCategory category = ItemCategory.OTHER;
    if (categoryText != null) {
      category = parseCategory(categoryText);
      if (category == null) {
        c.error(ImportColumn.CATEGORY, "工作类别“" + Inputs.excerpt(categoryText)
            + "”不正确，应为：经济指标、项目建设、社会治理、扶贫开发、基层党建、其他（可不填）");
      }
    }
    String unitText = c.text(ImportColumn.UNIT);
    Unit unit = null;
    if (unitText != null) {
      List<Unit> named = unitsByName.getOrDefault(unitText, List.of());
      if (named.size() == 1) {
        unit = named.get(0);
      } else if (named.size() > 1) {
        c.error(ImportColumn.UNIT, "有多个名为“" + Inputs.excerpt(unitText) + "”的单位，请填写单位代码");
      } else {
        unit = organisation.unit(unitText).orElse(null);
        if (unit == null) {
          c.error(ImportColumn.UNIT, "没有这个责任单位：" + Inputs.excerpt(unitText));
        }
      }
    }
    String leaderText = c.text(ImportColumn.LEADER);
    Person leader = null;
    if (leaderText != null) {
      List<Person> named = leaders.stream().filter(p -> p.name().equals(leaderText)).toList();
      if (named.size() == 1) {
        leader = named.get(0);
      } else if (named.size() > 1) {
        c.error(ImportColumn.LEADER, "有多位名为“" + Inputs.excerpt(leaderText) + "”的分管领导，请填写其用户名");
      } else {
        Person byId = leaders.stream().filter(p -> p.id().equals(leaderText)).findFirst().orElse(null);
        if (byId != null) {
          leader = byId;
        } else if (organisation.userExists(leaderText)
            || organisation.directory().stream().anyMatch(d -> leaderText.equals(d.name()))) {
          c.error(ImportColumn.LEADER, "分管领导须是区级分管领导（leaders）成员：" + Inputs.excerpt(leaderText));
        } else {
          c.error(ImportColumn.LEADER, "没有这个分管领导：" + Inputs.excerpt(leaderText));
        }
      }
    }
    List<Unit> coUnits = coUnits(c, unitsByName, unit);
    LocalDate deadline = c.date(ImportColumn.DEADLINE);
    String target = c.text(ImportColumn.TARGET);
    LocalDate issuedOn = c.date(ImportColumn.ISSUED_ON);

    for (ImportColumn col : ImportColumn.values()) {
      if (col.required() && c.blank(col)) {
        c.error(col, col.header() + "不能为空");
      }
    }
    LocalDate effectiveIssued = issuedOn == null ? today : issuedOn;
    if (issuedOn != null && issuedOn.isAfter(today)) {
      c.error(ImportColumn.ISSUED_ON, "下发日期不能晚于今天（" + today + "）");
    }
    if (issuedOn != null && issuedOn.isBefore(today) && !office) {
      c.error(ImportColumn.ISSUED_ON, "只有督查室可以补录以往下发的事项（下发日期早于今天）");
    }
    if (deadline != null && deadline.isBefore(effectiveIssued)) {
      c.error(ImportColumn.DEADLINE, "截止日期 " + deadline + " 不能早于下发日期 " + effectiveIssued);
    }
    ImportedItem item = new ImportedItem(title, source, source == null ? null : source.label(), category,
        category == null ? null : category.label(), unit == null ? null : unit.code(), unit == null ? null : unit.name(),
        leader == null ? null : leader.id(), leader == null ? null : leader.name(), deadline, target, issuedOn,
        coUnits.stream().map(Unit::code).toList(), coUnits.stream().map(Unit::name).toList());
    return new PreviewRow(raw.row(), errors.isEmpty(), List.copyOf(errors), item);
  }

  /**
   * The column 协办单位: units by name or code, separated by 、 , ， ； or ;. Each must exist, none twice,
   * not the lead unit, at most {@value Items#MAX_CO_UNITS} (the rules of POST /api/items).
   */
  private List<Unit> coUnits(Cells c, Map<String, List<Unit>> unitsByName, Unit lead) {
    String text = c.text(ImportColumn.CO_UNITS);
    List<Unit> out = new ArrayList<>();
    if (text == null) {
      return out;
    }
    for (String part : text.split("[、,，;；\\n]+")) {
      String name = part.strip();
      if (name.isEmpty()) {
        continue;
      }
      List<Unit> named = unitsByName.getOrDefault(name, List.of());
      Unit u;
      if (named.size() > 1) {
        c.error(ImportColumn.CO_UNITS, "有多个名为“" + Inputs.excerpt(name) + "”的单位，请在协办单位中填写单位代码");
        return List.of();
      } else if (named.size() == 1) {
        u = named.get(0);
      } else {
        u = organisation.unit(name).orElse(null);
      }
      if (u == null) {
        c.error(ImportColumn.CO_UNITS, "协办单位中没有这个单位：" + Inputs.excerpt(name));
        return List.of();
      }
      if (lead != null && u.code().equals(lead.code())) {
        c.error(ImportColumn.CO_UNITS, "协办单位不能是牵头的责任单位本身：" + u.name());
        return List.of();
      }
      if (out.stream().anyMatch(x -> x.code().equals(u.code()))) {
        c.error(ImportColumn.CO_UNITS, "协办单位重复：" + u.name());
        return List.of();
      }
      out.add(u);
    }
    if (out.size() > Items.MAX_CO_UNITS) {
      c.error(ImportColumn.CO_UNITS, "协办单位最多 " + Items.MAX_CO_UNITS + " 个（现为 " + out.size() + " 个）");
      return List.of();
    }
    return out;
  }

  /** A row's cells, read with the bounds of their fields; problems go to the row's errors. */
  private static final class Cells {
    private final RawRow raw;
    private final List<FieldError> errors;

    Cells(RawRow raw, List<FieldError> errors) {
      this.raw = raw;
      this.errors = errors;
    }

    boolean blank(ImportColumn col) {
      Value v = raw.cells().get(col);
      return v == null || v.blank();
    }

    void error(ImportColumn col, String message) {
      if (errors.stream().noneMatch(e -> e.field().equals(col.field()))) {
        errors.add(new FieldError(col.field(), message));
      }
    }

    /** A text cell (numbers as written), trimmed, within its field's bounds; null when empty or wrong. */
    String text(ImportColumn col) {
      Value v = raw.cells().get(col);
      if (v == null || v.blank()) {
        return null;
      }
      if (v.error()) {
        error(col, col.header() + "单元格的值是错误值（如 #N/A），请改为直接填写");
        return null;
      }
      String s = v.text() != null ? v.text() : v.number() != null ? v.number().toPlainString() : v.date().toString();
      s = s.strip();
      String problem = Inputs.textProblem(Inputs.field(SCOPE, col.field()), s);
      if (problem != null) {
        error(col, problem);
        return null;
      }
      return s;
    }

    /** A date cell, or a text 2026-12-31 / 2026/12/31 / 2026.12.31 / 2026年12月31日, within the bounds of dates. */
    LocalDate date(ImportColumn col) {
      Value v = raw.cells().get(col);
      if (v == null || v.blank()) {
        return null;
      }
      LocalDate d = v.date();
      if (d == null && v.text() != null) {
        Matcher m = DATE.matcher(v.text().strip());
        if (m.matches()) {
          try {
            d = LocalDate.of(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3)));
          } catch (java.time.DateTimeException e) {
            d = null;
          }
        }
      }
      if (d == null) {
        String shown = v.text() != null ? v.text() : v.number() != null ? v.number().toPlainString() : "错误值";
        error(col, col.header() + "不是有效的日期：" + Inputs.excerpt(shown) + "（应为 2026-12-31）");
        return null;
      }
      String problem = Inputs.dateProblem(Inputs.field(SCOPE, col.field()), d);
      if (problem != null) {
        error(col, problem);
        return null;
      }
      return d;
    }
  }

  private static ItemSource parseSource(String text) {
    for (ItemSource s : ItemSource.values()) {
      if (s.label().equals(text) || s.name().equalsIgnoreCase(text)) {
        return s;
      }
    }
    return switch (text) {
      case "批示", "批示件", "领导批示件" -> ItemSource.INSTRUCTION;
      case "重大决策", "决策部署" -> ItemSource.DECISION;
      case "重点工作任务", "年度重点工作" -> ItemSource.KEY_TASK;
      case "常委会议定", "常委会", "常委会议定事项" -> ItemSource.COMMITTEE;
      default -> null;
    };
  }

  private static ItemCategory parseCategory(String text) {
    for (ItemCategory c : ItemCategory.values()) {
      if (c.label().equals(text) || c.name().equalsIgnoreCase(text.toUpperCase(Locale.ROOT))) {
        return c;
      }
    }
    return null;
  }
}
