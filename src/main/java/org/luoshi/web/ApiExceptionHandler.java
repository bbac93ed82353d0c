package org.luoshi.web;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.core.exc.StreamReadException;
import com.fasterxml.jackson.core.exc.InputCoercionException;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.ConstraintViolationException;
import java.math.BigInteger;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.temporal.Temporal;
import java.util.Collection;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.luoshi.common.DomainException;
import org.luoshi.common.Inputs;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.MessageSourceResolvable;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.validation.FieldError;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.resource.NoResourceFoundException;

/**
 * Turns every failure of a request Spring MVC serves (/api, the ledger pages) into {@link ApiError}:
 * a message for people in Chinese that names the field by its label ({@link Inputs}), the field's
 * key for programs, never an engine code, SQL or stack trace, and at most 50 characters of what was
 * sent. A refused request is one WARN line in the log; only the unexpected is an ERROR with its
 * stack trace.
 */
@RestControllerAdvice
class ApiExceptionHandler {

  private static final Logger LOG = LoggerFactory.getLogger(ApiExceptionHandler.class);
  /** No message for people is longer; what a message quotes is cut long before. */
  private static final int MAX_MESSAGE = 500;

  private final IdentityService identity;

  ApiExceptionHandler(IdentityService identity) {
    this.identity = identity;
  }

  @ExceptionHandler(DomainException.class)
  ResponseEntity<ApiError> domain(DomainException e) {
    return error(status(e.kind()), e.field(), e.reason());
  }

  /** The one place a domain refusal becomes an HTTP status (also used for /engine-rest). */
  static HttpStatus status(DomainException.Kind kind) {
    return switch (kind) {
      case INVALID -> HttpStatus.BAD_REQUEST;
      case UNAUTHENTICATED -> HttpStatus.UNAUTHORIZED;
      case FORBIDDEN -> HttpStatus.FORBIDDEN;
      case NOT_FOUND -> HttpStatus.NOT_FOUND;
      case CONFLICT -> HttpStatus.CONFLICT;
    };
  }

  // Bean Validation ------------------------------------------------------------------------------

  @ExceptionHandler(MethodArgumentNotValidException.class)
  ResponseEntity<ApiError> invalid(MethodArgumentNotValidException e) {
    FieldError fe = e.getBindingResult().getFieldError();
    if (fe == null) {
      return error(HttpStatus.BAD_REQUEST, null, "请求内容不符合要求");
    }
    if (fe.isBindingFailure()) {
      // query parameters bound to a record (@ModelAttribute, e.g. the ledger's filters) that do not
      // convert: the same answer as for a @RequestParam of that type
      return error(HttpStatus.BAD_REQUEST, fe.getField(),
          wrongValue(fe.getField(), boundType(e.getParameter().getParameterType(), fe.getField()), fe.getRejectedValue()));
    }
    return error(HttpStatus.BAD_REQUEST, fe.getField(), constraintMessage(fe.getField(), fe.getCode(),
        fe.getArguments(), fe.getDefaultMessage()));
  }

  /** The type a bound object gives the field: a record's component, else a bean property. */
  private static Class<?> boundType(Class<?> target, String field) {
    if (target.isRecord()) {
      for (var component : target.getRecordComponents()) {
        if (component.getName().equals(field)) {
          return component.getType();
        }
      }
      return null;
    }
    return org.springframework.beans.BeanUtils.findPropertyType(field, target);
  }

  @ExceptionHandler(HandlerMethodValidationException.class)
  ResponseEntity<ApiError> invalidParameter(HandlerMethodValidationException e) {
    var result = e.getParameterValidationResults().stream().findFirst();
    String field = result.map(r -> r.getMethodParameter().getParameterName()).orElse(null);
    var error = result.flatMap(r -> r.getResolvableErrors().stream().findFirst());
    String code = error.map(r -> r.getCodes() == null || r.getCodes().length == 0 ? null
        : r.getCodes()[r.getCodes().length - 1]).orElse(null);
    return error(HttpStatus.BAD_REQUEST, field, constraintMessage(field, code,
        error.map(MessageSourceResolvable::getArguments).orElse(null),
        error.map(MessageSourceResolvable::getDefaultMessage).orElse(null)));
  }

  @ExceptionHandler(ConstraintViolationException.class)
  ResponseEntity<ApiError> constraint(ConstraintViolationException e) {
    var v = e.getConstraintViolations().stream().findFirst();
    String field = v.map(c -> {
      String path = c.getPropertyPath().toString();
      return path.substring(path.lastIndexOf('.') + 1);
    }).orElse(null);
    String code = v.map(c -> c.getConstraintDescriptor().getAnnotation().annotationType().getSimpleName()).orElse(null);
    return error(HttpStatus.BAD_REQUEST, field, constraintMessage(field, code, null, v.map(c -> c.getMessage()).orElse(null)));
  }

  /**
   * The Chinese message of a constraint: {@code @Bounded}'s own (it names the label already), else
   * one made from the constraint and the field's label, never Hibernate Validator's English.
   */
  private String constraintMessage(String field, String code, Object[] arguments, String defaultMessage) {
    String label = field == null ? "请求内容" : label(field);
    String constraint = code == null ? "" : code.substring(code.lastIndexOf('.') + 1);
    return switch (constraint) {
      case "Bounded" -> defaultMessage;
      case "NotNull", "NotBlank", "NotEmpty" -> label + "不能为空";
      case "Size", "Length" -> label + "的长度或项数不符合要求" + bounds(arguments);
      case "Min", "DecimalMin", "Positive", "PositiveOrZero" -> label + "过小" + bounds(arguments);
      case "Max", "DecimalMax", "Negative", "NegativeOrZero" -> label + "过大" + bounds(arguments);
      case "Pattern", "Email", "Digits" -> label + "格式不正确";
      case "Past", "PastOrPresent", "Future", "FutureOrPresent" -> label + "的日期不符合要求";
      default -> label + "不符合要求";
    };
  }

  /** The numeric attributes of a constraint (Spring passes them after the field, by name). */
  private static String bounds(Object[] arguments) {
    if (arguments == null) {
      return "";
    }
    String numbers = java.util.Arrays.stream(arguments).filter(a -> a instanceof Number || a instanceof String s
            && s.matches("-?\\d+(\\.\\d+)?")).map(Object::toString).collect(Collectors.joining("、"));
    return numbers.isEmpty() ? "" : "（" + numbers + "）";
  }

  // JSON bodies -----------------------------------------------------------------------------------

  @ExceptionHandler(HttpMessageNotReadableException.class)
  ResponseEntity<ApiError> unreadable(HttpMessageNotReadableException e) {
    Throwable cause = e.getCause();
    if (cause instanceof JsonMappingException m && m.getCause() instanceof DomainException a) {
      return domain(a);
    }
    if (cause instanceof UnrecognizedPropertyException u) {
      String known = u.getKnownPropertyIds() == null ? "" : u.getKnownPropertyIds().stream()
          .map(Object::toString).sorted().collect(Collectors.joining("、"));
      return error(HttpStatus.BAD_REQUEST, Inputs.excerpt(u.getPropertyName()),
          "未知字段：" + Inputs.excerpt(u.getPropertyName()) + (known.isEmpty() ? "" : "（可填写的字段：" + known + "）"));
    }
    if (cause instanceof InvalidFormatException f && !f.getPath().isEmpty()) {
      String field = path(f);
      return error(HttpStatus.BAD_REQUEST, field, wrongValue(field, f.getTargetType(), f.getValue()));
    }
    if (cause instanceof MismatchedInputException m && !m.getPath().isEmpty()) {
      String field = path(m);
      return error(HttpStatus.BAD_REQUEST, field, wrongType(field, m.getTargetType()));
    }
    if (cause instanceof JsonMappingException m && !m.getPath().isEmpty()) {
      // what failed under a field of a record: a number beyond its type, a text or body too large
      String field = path(m);
      if (m.getCause() instanceof StreamConstraintsException c) {
        return tooLarge(c, field);
      }
      return error(HttpStatus.BAD_REQUEST, field, label(field)
          + (m.getCause() instanceof InputCoercionException ? "超出范围" : "格式不正确"));
    }
    if (cause instanceof StreamConstraintsException c) {
      return tooLarge(c, null);
    }
    if (cause instanceof StreamReadException r) {
      String field = field(r);
      String label = field == null ? null : label(field);
      if (r instanceof InputCoercionException) {
        return error(HttpStatus.BAD_REQUEST, field, (label == null ? "数值" : label) + "超出范围");
      }
      var at = r.getLocation();
      return error(HttpStatus.BAD_REQUEST, field, "请求体不是有效的 JSON"
          + (at == null ? "" : "（第 " + at.getLineNr() + " 行第 " + at.getColumnNr() + " 列）"));
    }
    if (cause instanceof JsonProcessingException) {
      return error(HttpStatus.BAD_REQUEST, null, "请求体不是有效的 JSON");
    }
    return error(HttpStatus.BAD_REQUEST, null, "缺少请求体或请求体无法读取");
  }

  /** Jackson stopped reading: one text over two million characters, or the whole body over 8 MB. */
  private ResponseEntity<ApiError> tooLarge(StreamConstraintsException e, String field) {
    if (field != null && String.valueOf(e.getMessage()).contains("String value length")) {
      return error(HttpStatus.BAD_REQUEST, field, label(field) + "过长：一段文字不能超过 " + ApiInput.MAX_JSON_STRING + " 字");
    }
    return error(HttpStatus.BAD_REQUEST, null, "请求体过大：整个请求不能超过 " + ApiInput.MAX_JSON_DOCUMENT / 1_000_000 + " MB");
  }

  /** A value of the right JSON kind that does not fit: an unknown enum name, a date that is not one. */
  private String wrongValue(String field, Class<?> type, Object value) {
    String label = label(field);
    if (type != null && type.isEnum()) {
      String choices = java.util.Arrays.stream(type.getEnumConstants()).map(c -> ((Enum<?>) c).name())
          .collect(Collectors.joining("、"));
      return label + "不是可选的值：" + Inputs.excerpt(value) + "（可选：" + choices + "）";
    }
    if (type != null && Temporal.class.isAssignableFrom(type)) {
      return label + "不是有效的" + (type == LocalDate.class ? "日期，应为 YYYY-MM-DD" : "时间，应为 2026-12-01T09:30:00+08:00")
          + "：" + Inputs.excerpt(value);
    }
    if (type != null && (Number.class.isAssignableFrom(type) || type.isPrimitive() && type != boolean.class)) {
      return label + (isInteger(type) ? "应为整数" : "应为数字") + "：" + Inputs.excerpt(value);
    }
    if (type == Boolean.class || type == boolean.class) {
      return label + "应为 true 或 false：" + Inputs.excerpt(value);
    }
    return label + "格式不正确：" + Inputs.excerpt(value);
  }

  /** A value of the wrong JSON kind: a number for a date, text for a number, an object for text. */
  private String wrongType(String field, Class<?> type) {
    String label = label(field);
    if (type == null) {
      return label + "类型不正确";
    }
    if (type == String.class) {
      return label + "应为文本";
    }
    if (type.isEnum()) {
      return label + "应为可选值的名称（文本），如 " + ((Enum<?>) type.getEnumConstants()[0]).name();
    }
    if (type == LocalDate.class) {
      return label + "应为 YYYY-MM-DD 格式的日期文本，不能是数字";
    }
    if (type == OffsetDateTime.class) {
      return label + "应为 2026-12-01T09:30:00+08:00 格式的时间文本";
    }
    if (Number.class.isAssignableFrom(type) || type.isPrimitive() && type != boolean.class) {
      return label + (isInteger(type) ? "应为整数" : "应为数字");
    }
    if (type == Boolean.class || type == boolean.class) {
      return label + "应为 true 或 false";
    }
    if (Collection.class.isAssignableFrom(type) || type.isArray()) {
      return label + "应为列表";
    }
    return label + "类型不正确";
  }

  private static boolean isInteger(Class<?> type) {
    return type == Integer.class || type == int.class || type == Long.class || type == long.class
        || type == Short.class || type == short.class || type == BigInteger.class;
  }

  /** The field being read when the parser gave up (inside a list: the list). */
  private static String field(StreamReadException e) {
    JsonParser p = e.getProcessor();
    if (p == null) {
      return null;
    }
    for (JsonStreamContext c = p.getParsingContext(); c != null; c = c.getParent()) {
      if (c.getCurrentName() != null) {
        return Inputs.excerpt(c.getCurrentName());
      }
    }
    return null;
  }

  // query parameters, paths, methods ----------------------------------------------------------------

  @ExceptionHandler(MethodArgumentTypeMismatchException.class)
  ResponseEntity<ApiError> typeMismatch(MethodArgumentTypeMismatchException e) {
    return error(HttpStatus.BAD_REQUEST, e.getName(), wrongValue(e.getName(), e.getRequiredType(), e.getValue()));
  }

  @ExceptionHandler(MissingServletRequestParameterException.class)
  ResponseEntity<ApiError> missingParameter(MissingServletRequestParameterException e) {
    return error(HttpStatus.BAD_REQUEST, e.getParameterName(), label(e.getParameterName()) + "不能为空");
  }

  /** A file upload too large for the server's limit, or a request that is no upload at all. */
  @ExceptionHandler(org.springframework.web.multipart.MultipartException.class)
  ResponseEntity<ApiError> multipart(org.springframework.web.multipart.MultipartException e) {
    if (e instanceof org.springframework.web.multipart.MaxUploadSizeExceededException) {
      return error(HttpStatus.BAD_REQUEST, "file", "文件过大，超过了服务器允许的上传大小");
    }
    return error(HttpStatus.BAD_REQUEST, "file", "请以 multipart/form-data 上传文件（字段 file）");
  }

  @ExceptionHandler(org.springframework.web.multipart.support.MissingServletRequestPartException.class)
  ResponseEntity<ApiError> missingPart(org.springframework.web.multipart.support.MissingServletRequestPartException e) {
    return error(HttpStatus.BAD_REQUEST, e.getRequestPartName(), "请选择要上传的文件");
  }

  @ExceptionHandler(AuthorizationException.class)
  ResponseEntity<ApiError> forbidden(AuthorizationException e) {
    return error(HttpStatus.FORBIDDEN, null, "没有权限");
  }

  /** Two people changed the same thing at the same moment: the other one won. */
  @ExceptionHandler({OptimisticLockingException.class, OptimisticLockingFailureException.class})
  ResponseEntity<ApiError> lostRace(RuntimeException e) {
    return error(HttpStatus.CONFLICT, null, "已由同事办理或同时修改，请刷新后重试");
  }

  /**
   * An unknown address under /api, in the error shape. Elsewhere (a ledger page, /favicon.ico) the
   * same exception goes on to Spring's own handling: rethrown unchanged, the next resolver takes it.
   */
  @ExceptionHandler(NoResourceFoundException.class)
  ResponseEntity<ApiError> noResource(NoResourceFoundException e) throws NoResourceFoundException {
    String path = "/" + e.getResourcePath();
    if (!path.startsWith("/api/") && !path.equals("/api")) {
      throw e;
    }
    return error(HttpStatus.NOT_FOUND, null, "没有这个地址：" + Inputs.excerpt(path));
  }

  @ExceptionHandler(HttpRequestMethodNotSupportedException.class)
  ResponseEntity<ApiError> method(HttpRequestMethodNotSupportedException e) {
    return error(HttpStatus.METHOD_NOT_ALLOWED, null, "不支持的请求方法：" + Inputs.excerpt(e.getMethod()));
  }

  @ExceptionHandler(HttpMediaTypeNotSupportedException.class)
  ResponseEntity<ApiError> mediaType(HttpMediaTypeNotSupportedException e) {
    return error(HttpStatus.UNSUPPORTED_MEDIA_TYPE, null, "请求体须为 application/json");
  }

  @ExceptionHandler(Exception.class)
  ResponseEntity<ApiError> unexpected(Exception e) {
    for (Throwable t = e.getCause(); t != null && t != t.getCause(); t = t.getCause()) {
      if (t instanceof DomainException d) {
        return domain(d); // a listener's refusal the engine wrapped
      }
    }
    LOG.error("Unexpected error in {}", request(), e);
    return ResponseEntity.status(HttpStatus.INTERNAL_SERVER_ERROR)
        .body(new ApiError(500, null, "服务器内部错误，请联系管理员"));
  }

  // helpers ---------------------------------------------------------------------------------------

  private static String path(JsonMappingException e) {
    return Inputs.excerpt(e.getPath().stream()
        .map(r -> r.getFieldName() != null ? r.getFieldName() : "[" + r.getIndex() + "]")
        .collect(Collectors.joining("."))
        .replace(".[", "["));
  }

  /** The label of a field of this request (its scope: the capability the path belongs to). */
  private static String label(String field) {
    return Inputs.label(scope(currentRequest()), field);
  }

  /** The process whose fields an /api path takes (for keys two processes use differently). */
  static String scope(HttpServletRequest request) {
    String uri = request == null ? "" : request.getRequestURI();
    if (uri.startsWith("/api/interviews")) {
      return "interview";
    }
    if (uri.startsWith("/api/supervisions")) {
      return "supervision";
    }
    if (uri.startsWith("/api/assessments")) {
      return "assessment";
    }
    if (uri.startsWith("/api/reports")) {
      return "periodic-report";
    }
    if (uri.startsWith("/api/items") || uri.startsWith("/api/stats")) {
      return "responsibility-item";
    }
    return null;
  }

  private ResponseEntity<ApiError> error(HttpStatus status, String field, String message) {
    String text = message == null ? status.getReasonPhrase() : message.length() > MAX_MESSAGE
        ? message.substring(0, MAX_MESSAGE) + "…" : message;
    LOG.warn("{} {} by {}: {}{}", status.value(), request(), user(), field == null ? "" : field + ": ", text);
    return ResponseEntity.status(status).body(new ApiError(status.value(), field, text));
  }

  private static HttpServletRequest currentRequest() {
    RequestAttributes attributes = RequestContextHolder.getRequestAttributes();
    return attributes instanceof ServletRequestAttributes s ? s.getRequest() : null;
  }

  private static String request() {
    HttpServletRequest r = currentRequest();
    return r == null ? "?" : r.getMethod() + " " + Inputs.excerpt(r.getRequestURI());
  }

  private String user() {
    var a = identity.getCurrentAuthentication();
    return a == null ? "-" : Inputs.excerpt(a.getUserId());
  }
}
