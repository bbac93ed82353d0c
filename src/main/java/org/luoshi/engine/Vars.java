package org.luoshi.engine;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.math.BigDecimal;
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
import org.camunda.bpm.engine.delegate.VariableScope;
import org.camunda.spin.json.SpinJsonNode;
import org.luoshi.common.DomainException;

/**
 * Reads process and task variables as Tasklist and REST clients send them: dates as ISO strings
 * ({@code 2026-12-01}, {@code 2026-12-01T09:30:00+08:00}) or Date, numbers of any numeric type or
 * numeric strings, booleans or "true"/"false", lists as Camunda Json (Spin), Java lists or JSON
 * text. A value that cannot be read fails with a message naming the variable, which fails the
 * task completion and leaves the task open.
 */
public final class Vars {

  private static final ObjectMapper JSON = new ObjectMapper();
  private final Function<String, Object> source;

  private Vars(Function<String, Object> source) {
    this.source = source;
  }

  /** Reads the variables visible from a task or execution. */
  public static Vars of(VariableScope scope) {
    return new Vars(scope::getVariable);
  }

  /** Reads the local variables of a task or execution only (what a task form submitted). */
  public static Vars local(VariableScope scope) {
    return new Vars(scope::getVariableLocal);
  }

  public static Vars of(Map<String, ?> values) {
    return new Vars(values::get);
  }

  public Object raw(String name) {
    return source.apply(name);
  }

  public boolean has(String name) {
    Object v = raw(name);
    return v != null && !(v instanceof String s && s.isBlank());
  }

  // text ---------------------------------------------------------------------------------------

  public String text(String name) {
    Object v = raw(name);
    if (v == null) {
      return null;
    }
    if (!(v instanceof String) && !(v instanceof Number) && !(v instanceof Boolean)) {
      throw bad(name, "应为文本");
    }
    String s = v.toString().trim();
    return s.isEmpty() ? null : s;
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
        return d;
      }
      if (v instanceof Date d) {
        return LocalDate.ofInstant(d.toInstant(), Time.ZONE);
      }
      if (v instanceof String s) {
        return parseDate(s.trim());
      }
    } catch (DateTimeParseException e) {
      throw bad(name, "日期格式不正确，应为 YYYY-MM-DD：" + v);
    }
    throw bad(name, "应为日期");
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
        return t;
      }
      if (v instanceof Date d) {
        return OffsetDateTime.ofInstant(d.toInstant(), Time.ZONE);
      }
      if (v instanceof String s) {
        return parseDateTime(s.trim());
      }
    } catch (DateTimeParseException e) {
      throw bad(name, "时间格式不正确，应为 2026-12-01T09:30:00+08:00：" + v);
    }
    throw bad(name, "应为日期时间");
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
      return b;
    }
    if (v instanceof Number n) {
      if (n instanceof Double d && (d.isNaN() || d.isInfinite())) {
        throw bad(name, "应为数字");
      }
      return new BigDecimal(n.toString());
    }
    if (v instanceof String s) {
      try {
        return new BigDecimal(s.trim());
      } catch (NumberFormatException e) {
        throw bad(name, "应为数字：" + s);
      }
    }
    throw bad(name, "应为数字");
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
      throw bad(name, label + "应在 " + min + " 到 " + max + " 之间：" + n.stripTrailingZeros().toPlainString());
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
      throw bad(name, "应为整数：" + n.toPlainString());
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
    throw bad(name, "应为是或否（true/false）");
  }

  public boolean requiredBool(String name, String label) {
    Boolean b = bool(name);
    if (b == null) {
      throw bad(name, "请选择" + label);
    }
    return b;
  }

  /** An enum constant by its name (the codes of DESIGN.md: INSTRUCTION, OPEN_VISIT, …). */
  public <E extends Enum<E>> E enumValue(String name, Class<E> type) {
    String s = text(name);
    if (s == null) {
      return null;
    }
    try {
      return Enum.valueOf(type, s.toUpperCase());
    } catch (IllegalArgumentException e) {
      throw bad(name, "不是可选的值：" + s);
    }
  }

  // lists --------------------------------------------------------------------------------------

  /** A list of strings (user ids, unit codes): Json, a Java list, JSON text or comma-separated text. */
  public List<String> textList(String name) {
    List<Object> items = list(name);
    List<String> out = new ArrayList<>();
    for (Object o : items) {
      if (o == null) {
        continue;
      }
      if (o instanceof Map<?, ?> m && m.get("value") != null) {
        o = m.get("value"); // a taglist entry {label, value}
      }
      if (o instanceof Map || o instanceof List) {
        throw bad(name, "应为文本列表");
      }
      String s = o.toString().trim();
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
        throw bad(name, "列表中的每一项应为对象");
      }
      out.add((Map<String, Object>) o);
    }
    return out;
  }

  @SuppressWarnings("unchecked")
  private List<Object> list(String name) {
    Object v = raw(name);
    if (v == null) {
      return List.of();
    }
    try {
      if (v instanceof List<?> l) {
        return (List<Object>) l;
      }
      if (v instanceof SpinJsonNode node) {
        return JSON.readValue(node.toString(), new TypeReference<List<Object>>() {});
      }
      if (v instanceof String s) {
        String t = s.trim();
        if (t.isEmpty()) {
          return List.of();
        }
        if (t.startsWith("[")) {
          return JSON.readValue(t, new TypeReference<List<Object>>() {});
        }
        return new ArrayList<>(List.of(t.split("\\s*[,，、]\\s*")));
      }
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw bad(name, "应为列表");
    }
    throw bad(name, "应为列表");
  }

  private static DomainException bad(String name, String message) {
    return DomainException.invalid(name, message);
  }
}
