package org.luoshi.common;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;

/**
 * The bounds of everything a person types, checked before it reaches the database: the label and
 * length limit of every text field of /api bodies, query parameters and task forms (the forms'
 * {@code maxLength} is the same number, see {@code FormLimitsTest}); no NUL or other control
 * characters (newline and tab in multi-line texts only); dates from 2000-01-01 to 2100-12-31;
 * numbers of a sane size. {@code engine.Vars} applies them to task and process variables,
 * {@link Bounded} to /api request bodies, {@code web/} to query parameters and path variables.
 *
 * <p>A field is looked up by its key within a scope (the process key of DESIGN.md, e.g.
 * {@code interview}), then by its key alone; where two processes use a key for different things
 * ({@code subject}, {@code period}, {@code method}) the scoped entry wins. A key found in neither is
 * a single line of at most {@value #DEFAULT_LENGTH} characters.
 */
public final class Inputs {

  /** Camunda keeps a String variable in a varchar(4000) column: no task text can be longer. */
  public static final int MAX_TEXT = 4000;
  /** A text without a field of its own: one line of this many characters. */
  public static final int DEFAULT_LENGTH = 200;
  /** At most this many entries in a list (people, units). */
  public static final int MAX_LIST = 500;
  public static final LocalDate EARLIEST_DATE = LocalDate.of(2000, 1, 1);
  public static final LocalDate LATEST_DATE = LocalDate.of(2100, 12, 31);
  /** Numbers beyond ±10^16 (a random seed goes up to 2^53) or with more than 6 decimals are nobody's input. */
  private static final BigDecimal MAX_NUMBER = new BigDecimal("1E16");
  private static final int MAX_SCALE = 6;
  /** Echoed input is cut to this many characters. */
  public static final int EXCERPT = 50;

  /**
   * One input field: its Chinese label, its length limit (0 for fields that are not text), whether
   * newlines and tabs are allowed, and for a list the limit of each entry.
   */
  public record Field(String key, String label, int maxLength, boolean multiline, int entryLength) {

    public boolean isText() {
      return maxLength > 0;
    }
  }

  private static final Map<String, Field> FIELDS = new HashMap<>();
  private static final Map<String, Field> SCOPED = new HashMap<>();

  static {
    // responsibility items (DESIGN §4.1): start variables, POST /api/items, task forms
    line("title", "事项名称", 200);
    line("source", "事项来源", 40);
    line("category", "工作类别", 40);
    line("unitCode", "责任单位", 64);
    line("leadLeader", "分管领导", 64);
    text("target", "工作目标", 2000);
    line("parentCode", "上级事项编号", 40);
    line("responsiblePerson", "责任人", 64);
    other("deadline", "截止日期");
    other("issuedOn", "下发日期");
    other("accepted", "是否签收");
    text("returnReason", "退回理由", 2000);
    other("cancelled", "处理方式");
    text("cancelReason", "撤销理由", 2000);
    text("measures", "落实措施", 4000);
    other("progressPercent", "完成进度");
    text("progressNote", "进展情况", 4000);
    list("coUnitCodes", "协办单位", 4000, 64);
    other("coProgressPercent", "本单位承担部分的完成进度");
    text("coProgressNote", "本单位承担部分的进展情况", 4000);
    line("action", "报送", 40);
    other("completedOn", "完成日期");
    text("completionNote", "完成情况", 4000);
    other("newDeadline", "延期后的截止日期");
    text("extensionReason", "延期理由", 2000);
    other("approved", "审核结论");
    text("comment", "审批意见", 2000);
    other("qualityScore", "质量分");
    text("reviewComment", "审核意见", 2000);

    // attachments and the office's spreadsheet (issue 19)
    other("file", "文件");
    line("purpose", "附件用途", 40);

    // interviews (§4.2)
    line("trigger", "约谈情形", 40);
    line("interviewer", "约谈人", 64);
    list("interviewees", "被约谈人", 2000, 64);
    other("scheduledAt", "约谈时间");
    line("place", "约谈地点", 200);
    line("relatedItemCode", "关联事项编号", 40);
    line("followUpOf", "被回访的约谈编号", 20);
    text("outline", "约谈提纲", 4000);
    other("held", "约谈是否如期举行");
    list("attendees", "实际到场的被约谈人", 2000, 64);
    line("rescheduleReason", "未如期举行的原因", 500);
    text("record", "约谈记录", 4000);
    line("outcome", "处理结果", 40);
    other("rectificationRequired", "是否需要整改");
    other("rectificationDeadline", "整改期限");
    // a comment on a task in Tasklist (Camunda's comments, kept with the task's history)
    scoped("comment", new Field("message", "评论", 2000, true, 0));
    scoped("interview", new Field("subject", "约谈事由", 500, true, 0));
    scoped("interview", new Field("method", "约谈方式", 40, false, 0));
    scoped("interview", new Field("reason", "取消原因", 500, true, 0));

    // supervision (§4.3)
    list("unitCodes", "被督查单位", 4000, 200);
    other("sampleSize", "抽取单位数");
    other("sampleSeed", "随机种子");
    text("findings", "督查发现", 4000);
    text("report", "督查报告", 4000);
    other("problems", "发现的问题");
    text("description", "问题描述", 2000);
    text("rectification", "整改情况", 4000);
    other("verified", "核验结果");
    text("verifyComment", "核验意见", 2000);
    scoped("supervision", new Field("subject", "督查主题", 200, false, 0));
    scoped("supervision", new Field("method", "督查方式", 40, false, 0));
    scoped("supervision", new Field("deadline", "整改期限", 0, false, 0));

    // assessment (§4.4)
    line("reviewOutcome", "审核结果", 40);
    other("adjustResultId", "调整的单位或责任人");
    line("adjustedGrade", "调整后的等次", 40);
    text("approvalComment", "审批意见", 2000);
    line("appealDecision", "审理结果", 40);
    line("newGrade", "调整后的等次", 40);
    text("decisionComment", "审理意见", 2000);
    other("resultId", "申诉的考核结果");
    scoped("assessment", new Field("period", "考核期", 7, false, 0));
    scoped("assessment", new Field("reason", "申诉理由", 2000, true, 0));

    // periodic reports
    line("kind", "报告类型", 40);
    text("foreword", "按语", 4000);
    other("regenerate", "重新生成");
    scoped("periodic-report", new Field("period", "统计期间", 7, false, 0));

    // leaders' instructions on items (issue 20)
    scoped("instruction", new Field("text", "批示内容", 2000, true, 0));
    // units' group robots and webhooks (issue 20)
    scoped("webhook", new Field("url", "回调地址", 1000, false, 0));
    scoped("webhook", new Field("secret", "签名密钥", 200, false, 0));

    // the rest: engine bookkeeping, notifications, query parameters of the lists
    line("starter", "发起人", 64);
    other("digestDate", "汇总日期");
    other("email", "是否接收邮件通知");
    line("q", "搜索词", 100);
    line("interviewee", "被约谈人", 64);
    line("status", "状态", 40);
    line("light", "红黄绿灯", 40);
    line("period", "期间", 20);
    line("subject", "主题", 200);
    line("method", "方式", 40);
    text("reason", "理由", 2000);
    other("year", "年份");
    other("quarter", "季度");
    other("overdue", "是否逾期");
    other("unread", "是否只看未读");
    other("page", "页码");
    other("size", "每页条数");
    // Camunda's REST API (/engine-rest, Tasklist, Cockpit)
    other("firstResult", "起始条数");
    other("maxResults", "最多条数");
    other("id", "编号");
    other("code", "编号");
    other("supervisionId", "督查编号");
  }

  private Inputs() {}

  private static void line(String key, String label, int max) {
    FIELDS.put(key, new Field(key, label, max, false, 0));
  }

  private static void text(String key, String label, int max) {
    FIELDS.put(key, new Field(key, label, max, true, 0));
  }

  private static void list(String key, String label, int max, int entry) {
    FIELDS.put(key, new Field(key, label, max, true, entry));
  }

  private static void other(String key, String label) {
    FIELDS.put(key, new Field(key, label, 0, false, 0));
  }

  private static void scoped(String scope, Field field) {
    SCOPED.put(scope + "/" + field.key(), field);
  }

  /** The field of a key (in a scope, which may be null); unknown keys are a single line of 200. */
  public static Field field(String scope, String key) {
    String name = leaf(key);
    Field f = scope == null ? null : SCOPED.get(scope + "/" + name);
    if (f == null) {
      f = FIELDS.get(name);
    }
    return f != null ? f : new Field(name, name, DEFAULT_LENGTH, false, 0);
  }

  /** Whether the key has a field of its own (in the scope or in general). */
  public static boolean known(String scope, String key) {
    String name = leaf(key);
    return (scope != null && SCOPED.containsKey(scope + "/" + name)) || FIELDS.containsKey(name);
  }

  /** The Chinese label of a field, for messages ("完成日期", not "completedOn"). */
  public static String label(String scope, String key) {
    return key == null ? null : field(scope, key).label();
  }

  /** problems[2].description → description; the label of a list entry's field is its own. */
  private static String leaf(String key) {
    int dot = key.lastIndexOf('.');
    String s = dot < 0 ? key : key.substring(dot + 1);
    int bracket = s.indexOf('[');
    return bracket < 0 ? s : s.substring(0, bracket);
  }

  // text ---------------------------------------------------------------------------------------

  /**
   * A text input, trimmed (null when blank): refused when longer than its field's limit, or with a
   * control character (a newline or tab in a single-line field).
   */
  public static String text(String scope, String key, String value) {
    if (value == null) {
      return null;
    }
    Field f = field(scope, key);
    String problem = textProblem(f, value);
    if (problem != null) {
      throw DomainException.invalid(key, problem);
    }
    String s = value.strip();
    return s.isEmpty() ? null : s;
  }

  /** What is wrong with a text for a field (a message naming it by its label), or null. */
  public static String textProblem(Field f, String value) {
    int max = f.isText() ? f.maxLength() : DEFAULT_LENGTH;
    String s = value.strip();
    int length = s.codePointCount(0, s.length());
    if (length > max) {
      return f.label() + "不能超过 " + max + " 字（现为 " + length + " 字）";
    }
    return characterProblem(f.label(), value, f.multiline());
  }

  /** An entry of a list field (a user id, a unit code): one line of the field's entry length. */
  public static String entryProblem(Field f, String value) {
    int max = f.entryLength() > 0 ? f.entryLength() : f.isText() ? f.maxLength() : DEFAULT_LENGTH;
    String s = value.strip();
    int length = s.codePointCount(0, s.length());
    if (length > max) {
      return f.label() + "中的每一项不能超过 " + max + " 字：" + excerpt(s);
    }
    return characterProblem(f.label(), value, false);
  }

  /** How many entries a list may have. */
  public static String sizeProblem(Field f, Collection<?> values) {
    return values.size() > MAX_LIST ? f.label() + "最多 " + MAX_LIST + " 项（现为 " + values.size() + " 项）" : null;
  }

  /**
   * NUL and other control characters anywhere; newlines and tabs only in a multi-line text, or
   * around a one-line text (where trimming removes them).
   */
  private static String characterProblem(String label, String raw, boolean multiline) {
    int first = 0;
    while (first < raw.length() && isEdgeSpace(raw.charAt(first))) {
      first++;
    }
    int last = raw.length();
    while (last > first && isEdgeSpace(raw.charAt(last - 1))) {
      last--;
    }
    int position = 0;
    for (int i = 0; i < raw.length(); ) {
      int c = raw.codePointAt(i);
      position++;
      boolean lineBreak = c == '\n' || c == '\r' || c == '\t' || c == 0x2028 || c == 0x2029;
      if (lineBreak) {
        if (!multiline && i >= first && i < last) {
          return label + "只能填写一行，不能含换行或制表符（第 " + position + " 个字符）";
        }
      } else if (Character.getType(c) == Character.CONTROL || isSurrogate(c) || c == 0xFFFE || c == 0xFFFF) {
        return label + "含有不允许的控制字符（第 " + position + " 个字符，" + String.format("U+%04X", c) + "），请删除后重试";
      }
      i += Character.charCount(c);
    }
    return null;
  }

  /** What trimming takes off a text's ends: spaces (also the ideographic space), tabs, line breaks. */
  private static boolean isEdgeSpace(char c) {
    return c == ' ' || c == '\t' || c == '\n' || c == '\r' || Character.isSpaceChar(c);
  }

  /** A lone half of a surrogate pair (codePointAt returns it as it is): not text. */
  private static boolean isSurrogate(int c) {
    return c >= Character.MIN_SURROGATE && c <= Character.MAX_SURROGATE;
  }

  // dates and numbers --------------------------------------------------------------------------

  /** A date from 2000-01-01 to 2100-12-31. */
  public static LocalDate date(String scope, String key, LocalDate value) {
    String problem = value == null ? null : dateProblem(field(scope, key), value);
    if (problem != null) {
      throw DomainException.invalid(key, problem);
    }
    return value;
  }

  public static String dateProblem(Field f, LocalDate value) {
    if (value.isBefore(EARLIEST_DATE) || value.isAfter(LATEST_DATE)) {
      return f.label() + "应在 " + EARLIEST_DATE + " 到 " + LATEST_DATE + " 之间：" + excerpt(value);
    }
    return null;
  }

  /** A date-time whose Beijing day is from 2000-01-01 to 2100-12-31. */
  public static OffsetDateTime dateTime(String scope, String key, OffsetDateTime value) {
    String problem = value == null ? null : dateTimeProblem(field(scope, key), value);
    if (problem != null) {
      throw DomainException.invalid(key, problem);
    }
    return value;
  }

  public static String dateTimeProblem(Field f, OffsetDateTime value) {
    LocalDate day = value.atZoneSameInstant(java.time.ZoneId.of("Asia/Shanghai")).toLocalDate();
    if (day.isBefore(EARLIEST_DATE) || day.isAfter(LATEST_DATE)) {
      return f.label() + "应在 " + EARLIEST_DATE + " 到 " + LATEST_DATE + " 之间：" + excerpt(value);
    }
    return null;
  }

  /** A number of a sane size: at most 10^16, at most 6 decimals. */
  public static BigDecimal number(String scope, String key, BigDecimal value) {
    String problem = value == null ? null : numberProblem(field(scope, key), value);
    if (problem != null) {
      throw DomainException.invalid(key, problem);
    }
    return value;
  }

  public static String numberProblem(Field f, BigDecimal value) {
    if (value.abs().compareTo(MAX_NUMBER) > 0) {
      return f.label() + "数值过大：" + excerpt(value);
    }
    if (value.stripTrailingZeros().scale() > MAX_SCALE) {
      return f.label() + "小数位数过多：" + excerpt(value);
    }
    return null;
  }

  // echoes -------------------------------------------------------------------------------------

  /**
   * An input as a message may quote it: at most {@value #EXCERPT} characters (then "…"), control
   * characters shown as U+FFFD; a huge number in scientific notation, never its million digits.
   */
  public static String excerpt(Object value) {
    if (value == null) {
      return "";
    }
    String s;
    if (value instanceof BigDecimal b) {
      s = b.abs().compareTo(MAX_NUMBER) > 0 || b.scale() > 20 ? b.toString() : b.stripTrailingZeros().toPlainString();
    } else {
      s = value.toString();
    }
    StringBuilder out = new StringBuilder();
    int count = 0;
    for (int i = 0; i < s.length(); ) {
      int c = s.codePointAt(i);
      if (count == EXCERPT) {
        return out.append('…').toString();
      }
      out.appendCodePoint(Character.getType(c) == Character.CONTROL || isSurrogate(c) ? 0xFFFD : c);
      count++;
      i += Character.charCount(c);
    }
    return out.toString();
  }
}
