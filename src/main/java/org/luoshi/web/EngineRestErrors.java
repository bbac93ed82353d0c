package org.luoshi.web;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.rest.dto.ExceptionDto;
import org.camunda.bpm.engine.rest.exception.ExceptionHandlerHelper;
import org.camunda.spin.spi.SpinDataFormatException;
import org.glassfish.jersey.server.ParamException;
import org.luoshi.common.DomainException;
import org.luoshi.common.Inputs;
import org.luoshi.engine.PersonCalls;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The answers of Camunda's REST APIs (/engine-rest, and /camunda/api/… which Tasklist and Cockpit
 * use) when something fails, in Luoshi's error shape {@code {status, field, message}}:
 *
 * <ul>
 *   <li>a domain refusal — a task listener's validation, the {@link org.luoshi.engine.EngineGuard}'s
 *       — is its own status (400, 403, 404, 409) with its Chinese message and field, however
 *       Camunda wrapped it ("Cannot submit task form …: ENGINE-03051 …");
 *   <li>a lost race (a colleague completed or claimed the task first) is 409;
 *   <li>Camunda's own refusals keep their status, and get a Chinese message without engine codes.
 * </ul>
 *
 * Camunda's {@code type} (and its authorization details) stay in the body beside the shape: its
 * webapps read them. A refusal is one WARN line in the log; only a server error logs a stack trace.
 */
final class EngineRestErrors {

  private static final Logger LOG = LoggerFactory.getLogger(EngineRestErrors.class);
  private static final Pattern ENGINE_CODE = Pattern.compile("\\b[A-Z]+-\\d{5}\\s*");
  private static final Pattern VARIABLE = Pattern.compile(
      "(?:variable|Variable|variable with name|property)\\s+'?([A-Za-z_][A-Za-z0-9_.]{0,60})'?");
  private static final Pattern CONVERT = Pattern.compile("Cannot convert value '(.{0,40}).*?' of type '(\\w+)'");

  private EngineRestErrors() {}

  static Response respond(Throwable failure) {
    DomainException refusal = refusal(failure);
    if (refusal == null) {
      refusal = malformed(failure);
    }
    if (refusal != null) {
      int status = ApiExceptionHandler.status(refusal.kind()).value();
      LOG.warn("Engine REST refused ({}{}): {}", status, refusal.field() == null ? "" : " " + refusal.field(),
          refusal.reason());
      Map<String, Object> body = shape(status, refusal.field(), refusal.reason());
      if (refusal.kind() == DomainException.Kind.FORBIDDEN) {
        body.put("type", "AuthorizationException"); // how Camunda's webapps recognise a refusal of rights
      }
      return json(status, body);
    }
    ExceptionHandlerHelper camunda = ExceptionHandlerHelper.getInstance();
    int status = failure instanceof WebApplicationException w
        ? w.getResponse().getStatus() : camunda.getStatus(failure).getStatusCode();
    ExceptionDto dto = camunda.fromException(failure);
    String original = dto.getMessage() == null ? "" : dto.getMessage();
    if (status >= 500) {
      LOG.error("Engine REST server error: {}", original, failure);
    } else {
      LOG.warn("Engine REST {} {}: {}", status, dto.getType(), cut(ENGINE_CODE.matcher(original).replaceAll(""), 300));
    }
    Map<String, Object> body = new LinkedHashMap<>(); // Camunda's own fields, then the error shape's
    body.put("type", dto.getType());
    body.put("message", dto.getMessage());
    body.put("code", dto.getCode());
    String field = field(original);
    body.putAll(shape(status, field, message(status, dto.getType(), original)));
    return json(status, body);
  }

  /** The domain refusal behind a failure, as the guard explained it or wrapped in Camunda's exceptions. */
  private static DomainException refusal(Throwable failure) {
    RuntimeException explained = PersonCalls.explanationOf(failure);
    if (explained instanceof DomainException d) {
      return d;
    }
    for (Throwable t = failure; t != null; t = t.getCause()) {
      if (t instanceof DomainException d) {
        return d;
      }
    }
    return null;
  }

  /**
   * A request Camunda's REST layer could not read — the person's error, not the server's: a body
   * that is not JSON or not of the expected shape, a Json value that is not JSON, a missing body or
   * variable value (Camunda's DTOs then fail with a NullPointerException), a query parameter of the
   * wrong type (JAX-RS would answer 404). Null when the failure is none of these.
   */
  private static DomainException malformed(Throwable failure) {
    for (Throwable t = failure; t != null; t = t.getCause()) {
      if (t instanceof JsonParseException || t instanceof MismatchedInputException) {
        String field = t instanceof MismatchedInputException m ? lastField(m) : null;
        return DomainException.invalid(field, field == null ? "请求体不是有效的 JSON"
            : "请求体不是有效的 JSON：" + field + " 的格式不对");
      }
      if (t instanceof SpinDataFormatException) {
        return DomainException.invalid(null, "变量的值不是有效的 JSON");
      }
      if (t instanceof ParamException p) {
        String name = p.getParameterName();
        return DomainException.invalid(name, "参数 " + Inputs.label(null, name) + " 的值格式不正确");
      }
      if (t instanceof NullPointerException && t.getStackTrace().length > 0
          && t.getStackTrace()[0].getClassName().startsWith("org.camunda.bpm.engine.rest.")) {
        return DomainException.invalid(null, "请求内容不完整：缺少请求体，或变量缺少值（应为 {\"value\": …}）");
      }
    }
    return null;
  }

  private static String lastField(MismatchedInputException e) {
    for (int i = e.getPath().size() - 1; i >= 0; i--) {
      String name = e.getPath().get(i).getFieldName();
      if (name != null) {
        return name;
      }
    }
    return null;
  }

  private static String message(int status, String type, String original) {
    return switch (status) {
      case 401 -> "需要登录";
      case 403 -> "没有权限进行此操作";
      case 404 -> original.toLowerCase().contains("task") ? "没有这个任务（可能已办理）" : "没有找到所请求的记录";
      case 409 -> "数据已被他人修改，请刷新后重试";
      case 400 -> badRequest(type, original);
      default -> status >= 500 ? "服务器内部错误，请联系管理员" : "请求未能完成（" + status + "）";
    };
  }

  private static String badRequest(String type, String original) {
    if (type != null && type.startsWith("Json")) {
      return "请求体不是有效的 JSON";
    }
    Matcher convert = CONVERT.matcher(original);
    if (convert.find()) {
      return "值的格式不正确（应为 " + typeName(convert.group(2)) + "）：" + cut(convert.group(1), 40);
    }
    if (original.contains("Unsupported value type")) {
      return "不支持的值类型";
    }
    if (original.contains("serialization") || original.contains("deserializ")) {
      return "不支持的对象类型";
    }
    return "请求内容不正确：" + cut(ENGINE_CODE.matcher(original).replaceAll(""), 80);
  }

  private static String typeName(String camundaType) {
    return switch (camundaType.toLowerCase()) {
      case "integer", "long", "short", "double" -> "数字";
      case "date" -> "日期时间，如 2026-12-01T09:30:00.000+0800";
      case "boolean" -> "是或否（true/false）";
      case "json" -> "JSON";
      default -> camundaType;
    };
  }

  private static String field(String original) {
    Matcher m = VARIABLE.matcher(original);
    return m.find() ? m.group(1) : null;
  }

  private static Map<String, Object> shape(int status, String field, String message) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("status", status);
    if (field != null) {
      body.put("field", field);
    }
    body.put("message", message);
    return body;
  }

  private static Response json(int status, Map<String, Object> body) {
    return Response.status(status).entity(body).type(MediaType.APPLICATION_JSON_TYPE).build();
  }

  private static String cut(String s, int max) {
    String t = s.replaceAll("\\p{Cntrl}", " ").trim();
    return t.length() <= max ? t : t.substring(0, max) + "…";
  }
}
