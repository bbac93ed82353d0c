package org.luoshi.engine;

import com.fasterxml.jackson.core.type.TypeReference;
import java.math.BigDecimal;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.camunda.bpm.engine.variable.value.TypedValue;
import org.camunda.spin.json.SpinJsonNode;
import org.camunda.spin.plugin.variable.SpinValues;
import org.luoshi.common.DomainException;
import org.luoshi.common.Inputs;
import org.luoshi.common.Json;

/**
 * Reads process and task variables as Tasklist and REST clients send them: dates as ISO strings
 * ({@code 2026-12-01}, {@code 2026-12-01T09:30:00+08:00}) or Date, numbers of any numeric type or
 * numeric strings, booleans or "true"/"false", lists as Camunda Json (Spin), Java lists or JSON
 * text. Everything read is bounded as {@link Inputs} says: a text within its field's length and
 * free of control characters, a date within 2000–2100, a number of a sane size, a list of at most
 * 500 entries. A value that cannot be read fails with a message naming the field by its label
 * (the {@link DomainException}'s field is the variable), which fails the task completion and
 * leaves the task open; a message quotes at most 50 characters of the value.
 */
public final class Vars {

  /** A number written as text longer than this is not a number anybody typed. */
  private static final int MAX_NUMBER_TEXT = 40;
  /** Nor is a date longer than this (2026-12-01T09:30:00.000+08:00[Asia/Shanghai] is 44). */
  private static final int MAX_DATE_TEXT = 64;
  private final Function<String, Object> source;
  /** The process key, for fields whose label depends on the process ({@code subject}, {@code period}). */
  private final String scope;

  private Vars(Function<String, Object> source, String scope) {
    this.source = source;
    this.scope = scope;
  }

  /** Reads the variables visible from a task or execution. */
  public static Vars of(VariableScope scope) {
    return new Vars(scope::getVariable, processKey(scope));
  }

  /** Reads the local variables of a task or execution only (what a task form submitted). */
  public static Vars local(VariableScope scope) {
    return new Vars(scope::getVariableLocal, processKey(scope));
  }

  public static Vars of(Map<String, ?> values) {
    return new Vars(values::get, null);
  }

  /** The same values read as the fields of a process (its key, e.g. "supervision"). */
  public Vars in(String processKey) {
    return new Vars(source, processKey);
  }

  private static String processKey(VariableScope scope) {
    String id = scope instanceof DelegateTask t ? t.getProcessDefinitionId()
        : scope instanceof DelegateExecution e ? e.getProcessDefinitionId() : null;
    int colon = id == null ? -1 : id.indexOf(':');
    return colon < 0 ? null : id.substring(0, colon);
  }

  /** The Chinese label of a variable, as messages name it. */
  public String label(String name) {
    return Inputs.label(scope, name);
  }

  public Object raw(String name) {
    return source.apply(name);
  }

  public boolean has(String name) {
    Object v = raw(name);
    return v != null && !(v instanceof String s && s.isBlank());
  }

  // text ---------------------------------------------------------------------------------------

  /** A text within its field's limits (Inputs), trimmed; null when absent or blank. */
  public String text(String name) {
    Object v = raw(name);
    if (v == null) {
      return null;
    }
    if (!(v instanceof String) && !(v instanceof Number) && !(v instanceof Boolean)) {
      throw bad(name, label(name) + "应为文本");
    }
    return Inputs.text(scope, name, v.toString());
  }

  public String requiredText(String name, String label) {
    String s = text(name);
    if (s == null) {
      throw bad(name, label + "不能为空");
    }
    return s;
  }

  // dates --------------------------------------------------------------------------------------

  /** A date; a date-time counts as its Beijing calendar day. */
  public LocalDate date(String name) {
    Object v = raw(name);
    if (v == null || v instanceof String s && s.isBlank()) {
      return null;
    }
    try {
      if (v instanceof LocalDate d) {
        return inRange(name, d);
      }
      if (v instanceof Date d) {
        return inRange(name, LocalDate.ofInstant(d.toInstant(), Time.ZONE));
      }
      if (v instanceof String s) {
        if (s.length() > MAX_DATE_TEXT) {
          throw bad(name, label(name) + "格式不正确，应为 YYYY-MM-DD：" + Inputs.excerpt(s));
        }
        return inRange(name, parseDate(s.trim()));
      }
    } catch (DateTimeException e) {
      throw bad(name, label(name) + "不是有效的日期，应为 YYYY-MM-DD：" + Inputs.excerpt(v));
    }
    throw bad(name, label(name) + "应为日期（YYYY-MM-DD）" + (v instanceof Number ? "，不能是数字：" + Inputs.excerpt(v) : ""));
  }

  private LocalDate inRange(String name, LocalDate d) {
    return Inputs.date(scope, name, d);
  }

  public LocalDate requiredDate(String name, String label) {
    LocalDate d = date(name);
    if (d == null) {
      throw bad(name, label + "不能为空");
    }
    return d;
  }

  /** A date-time; without an offset it is Beijing time. */
  public OffsetDateTime dateTime(String name) {
    Object v = raw(name);
    if (v == null || v instanceof String s && s.isBlank()) {
      return null;
    }
    try {
      if (v instanceof OffsetDateTime t) {
        return Inputs.dateTime(scope, name, t);
      }
      if (v instanceof Date d) {
        return Inputs.dateTime(scope, name, OffsetDateTime.ofInstant(d.toInstant(), Time.ZONE));
      }
      if (v instanceof String s) {
        if (s.length() > MAX_DATE_TEXT) {
          throw bad(name, label(name) + "格式不正确，应为 2026-12-01T09:30:00+08:00：" + Inputs.excerpt(s));
        }
        return Inputs.dateTime(scope, name, parseDateTime(s.trim()));
      }
    } catch (DateTimeException e) {
      throw bad(name, label(name) + "不是有效的时间，应为 2026-12-01T09:30:00+08:00：" + Inputs.excerpt(v));
    }
    throw bad(name, label(name) + "应为日期时间" + (v instanceof Number ? "，不能是数字：" + Inputs.excerpt(v) : ""));
  }

  public OffsetDateTime requiredDateTime(String name, String label) {
    OffsetDateTime t = dateTime(name);
    if (t == null) {
      throw bad(name, label + "不能为空");
    }
    return t;
  }

  public static LocalDate parseDate(String s) {
    if (s.length() <= 10) {
      return LocalDate.parse(s);
    }
    return parseDateTime(s).atZoneSameInstant(Time.ZONE).toLocalDate();
  }

  public static OffsetDateTime parseDateTime(String s) {
    try {
      return OffsetDateTime.parse(s);
    } catch (DateTimeParseException e) {
      try {
        return ZonedDateTime.parse(s).toOffsetDateTime();
      } catch (DateTimeParseException e2) {
        if (s.length() <= 10) {
          return LocalDate.parse(s).atStartOfDay(Time.ZONE).toOffsetDateTime();
        }
        return LocalDateTime.parse(s).atZone(Time.ZONE).toOffsetDateTime();
      }
    }
  }

  // numbers and booleans -----------------------------------------------------------------------

  public BigDecimal number(String name) {
    Object v = raw(name);
    if (v == null || v instanceof String s && s.isBlank()) {
      return null;
    }
    if (v instanceof BigDecimal b) {
      return Inputs.number(scope, name, b);
    }
    if (v instanceof Number n) {
      if (n instanceof Double d && (d.isNaN() || d.isInfinite()) || n instanceof Float f && (f.isNaN() || f.isInfinite())) {
        throw bad(name, label(name) + "应为数字");
      }
      return Inputs.number(scope, name, new BigDecimal(n.toString()));
    }
    if (v instanceof String s) {
      String t = s.trim();
      if (t.length() > MAX_NUMBER_TEXT) {
        throw bad(name, label(name) + "应为数字：" + Inputs.excerpt(t));
      }
      try {
        return Inputs.number(scope, name, new BigDecimal(t));
      } catch (NumberFormatException e) {
        throw bad(name, label(name) + "应为数字：" + Inputs.excerpt(t));
      }
    }
    throw bad(name, label(name) + "应为数字");
  }

  /** A number within [min, max]. */
  public BigDecimal numberBetween(String name, String label, int min, int max, boolean required) {
    BigDecimal n = number(name);
    if (n == null) {
      if (required) {
        throw bad(name, label + "不能为空");
      }
      return null;
    }
    if (n.compareTo(BigDecimal.valueOf(min)) < 0 || n.compareTo(BigDecimal.valueOf(max)) > 0) {
      throw bad(name, label + "应在 " + min + " 到 " + max + " 之间：" + Inputs.excerpt(n));
    }
    return n;
  }

  public Integer integer(String name) {
    BigDecimal n = number(name);
    if (n == null) {
      return null;
    }
    try {
      return n.intValueExact();
    } catch (ArithmeticException e) {
      throw bad(name, label(name) + "应为整数：" + Inputs.excerpt(n));
    }
  }

  public Boolean bool(String name) {
    Object v = raw(name);
    if (v == null || v instanceof String s && s.isBlank()) {
      return null;
    }
    if (v instanceof Boolean b) {
      return b;
    }
    if (v instanceof String s && (s.equalsIgnoreCase("true") || s.equalsIgnoreCase("false"))) {
      return Boolean.parseBoolean(s);
    }
    throw bad(name, label(name) + "应为是或否（true/false）：" + Inputs.excerpt(v));
  }

  public boolean requiredBool(String name, String label) {
    Boolean b = bool(name);
    if (b == null) {
      throw bad(name, "请选择" + label);
    }
    return b;
  }

  /**
   * An enum constant by its name (the codes of DESIGN.md: INSTRUCTION, OPEN_VISIT, …), never by
   * its position: {@code 3} is not COMMITTEE.
   */
  public <E extends Enum<E>> E enumValue(String name, Class<E> type) {
    String s = text(name);
    if (s == null) {
      return null;
    }
    try {
      return Enum.valueOf(type, s.toUpperCase(java.util.Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw bad(name, label(name) + "不是可选的值：" + Inputs.excerpt(s) + "（可选：" + choices(type) + "）");
    }
  }

  static String choices(Class<? extends Enum<?>> type) {
    StringBuilder b = new StringBuilder();
    for (Enum<?> e : type.getEnumConstants()) {
      b.append(b.isEmpty() ? "" : "、").append(e.name());
    }
    return b.toString();
  }

  // lists --------------------------------------------------------------------------------------

  /**
   * A list of strings (user ids, unit codes): Json, a Java list, JSON text or comma-separated text;
   * at most 500 entries, each one line within the field's entry length.
   */
  public List<String> textList(String name) {
    List<Object> items = list(name);
    Inputs.Field field = Inputs.field(scope, name);
    List<String> out = new ArrayList<>();
    for (Object o : items) {
      if (o == null) {
        continue;
      }
      if (o instanceof Map<?, ?> m && m.get("value") != null) {
        o = m.get("value"); // a taglist entry {label, value}
      }
      if (o instanceof Map || o instanceof List) {
        throw bad(name, label(name) + "应为文本列表");
      }
      String s = o.toString().trim();
      String problem = Inputs.entryProblem(field, s);
      if (problem != null) {
        throw bad(name, problem);
      }
      if (!s.isEmpty() && !out.contains(s)) {
        out.add(s);
      }
    }
    return out;
  }

  /** A list of objects (problems: {unitCode, description, deadline}). */
  @SuppressWarnings("unchecked")
  public List<Map<String, Object>> objectList(String name) {
    List<Map<String, Object>> out = new ArrayList<>();
    for (Object o : list(name)) {
      if (!(o instanceof Map)) {
        throw bad(name, label(name) + "中的每一项应为对象");
      }
      out.add((Map<String, Object>) o);
    }
    return out;
  }

  private List<Object> list(String name) {
    List<Object> l = parseList(name);
    String problem = Inputs.sizeProblem(Inputs.field(scope, name), l);
    if (problem != null) {
      throw bad(name, problem);
    }
    return l;
  }

  @SuppressWarnings("unchecked")
  private List<Object> parseList(String name) {
    Object v = raw(name);
    if (v == null) {
      return List.of();
    }
    try {
      if (v instanceof List<?> l) {
        return (List<Object>) l;
      }
      if (v instanceof SpinJsonNode node) {
        return Json.read(node.toString(), new TypeReference<List<Object>>() {});
      }
      if (v instanceof String s) {
        Inputs.text(scope, name, s); // the text as typed: its length, no control characters
        String t = s.trim();
        if (t.isEmpty()) {
          return List.of();
        }
        if (t.startsWith("[")) {
          return Json.read(t, new TypeReference<List<Object>>() {});
        }
        return new ArrayList<>(List.of(t.split("\\s*[,，、\\n]\\s*")));
      }
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw bad(name, label(name) + "应为列表");
    }
    throw bad(name, label(name) + "应为列表");
  }

  private static DomainException bad(String name, String message) {
    return DomainException.invalid(name, message);
  }

  /** A value (a list, options for a select) as a Camunda Json variable, the way Tasklist sends lists. */
  public static TypedValue json(Object value) {
    return SpinValues.jsonValue(Json.write(value)).create();
  }
}
