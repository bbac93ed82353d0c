package org.luoshi.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import jakarta.validation.ConstraintViolationException;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.AuthorizationException;
import org.luoshi.common.DomainException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
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
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.resource.NoResourceFoundException;

/** Turns every failure of an /api controller into {@link ApiError}. */
@RestControllerAdvice(basePackages = "org.luoshi")
class ApiExceptionHandler {

  private static final Logger LOG = LoggerFactory.getLogger(ApiExceptionHandler.class);

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

  @ExceptionHandler(MethodArgumentNotValidException.class)
  ResponseEntity<ApiError> invalid(MethodArgumentNotValidException e) {
    FieldError fe = e.getBindingResult().getFieldError();
    if (fe == null) {
      return error(HttpStatus.BAD_REQUEST, null, "请求内容不符合要求");
    }
    return error(HttpStatus.BAD_REQUEST, fe.getField(), fe.getDefaultMessage());
  }

  @ExceptionHandler(HandlerMethodValidationException.class)
  ResponseEntity<ApiError> invalidParameter(HandlerMethodValidationException e) {
    var result = e.getParameterValidationResults().stream().findFirst();
    String field = result.map(r -> r.getMethodParameter().getParameterName()).orElse(null);
    String message =
        result.flatMap(r -> r.getResolvableErrors().stream().findFirst())
            .map(err -> err.getDefaultMessage())
            .orElse("参数不符合要求");
    return error(HttpStatus.BAD_REQUEST, field, message);
  }

  @ExceptionHandler(ConstraintViolationException.class)
  ResponseEntity<ApiError> constraint(ConstraintViolationException e) {
    var v = e.getConstraintViolations().stream().findFirst();
    String field =
        v.map(c -> {
              String path = c.getPropertyPath().toString();
              return path.substring(path.lastIndexOf('.') + 1);
            })
            .orElse(null);
    return error(HttpStatus.BAD_REQUEST, field, v.map(c -> c.getMessage()).orElse("参数不符合要求"));
  }

  @ExceptionHandler(HttpMessageNotReadableException.class)
  ResponseEntity<ApiError> unreadable(HttpMessageNotReadableException e) {
    Throwable cause = e.getCause();
    if (cause instanceof UnrecognizedPropertyException u) {
      return error(HttpStatus.BAD_REQUEST, u.getPropertyName(), "未知字段");
    }
    if (cause instanceof InvalidFormatException f) {
      return error(HttpStatus.BAD_REQUEST, path(f), "格式不正确：" + f.getValue());
    }
    if (cause instanceof MismatchedInputException m && !m.getPath().isEmpty()) {
      return error(HttpStatus.BAD_REQUEST, path(m), "类型不正确");
    }
    if (cause instanceof JsonMappingException m && m.getCause() instanceof DomainException a) {
      return domain(a);
    }
    if (cause instanceof JsonProcessingException) {
      return error(HttpStatus.BAD_REQUEST, null, "请求体不是有效的 JSON");
    }
    return error(HttpStatus.BAD_REQUEST, null, "缺少请求体或请求体无法读取");
  }

  @ExceptionHandler(MethodArgumentTypeMismatchException.class)
  ResponseEntity<ApiError> typeMismatch(MethodArgumentTypeMismatchException e) {
    return error(HttpStatus.BAD_REQUEST, e.getName(), "格式不正确：" + e.getValue());
  }

  @ExceptionHandler(MissingServletRequestParameterException.class)
  ResponseEntity<ApiError> missingParameter(MissingServletRequestParameterException e) {
    return error(HttpStatus.BAD_REQUEST, e.getParameterName(), "缺少必填参数");
  }

  @ExceptionHandler(AuthorizationException.class)
  ResponseEntity<ApiError> forbidden(AuthorizationException e) {
    return error(HttpStatus.FORBIDDEN, null, "没有权限");
  }

  @ExceptionHandler(NoResourceFoundException.class)
  ResponseEntity<ApiError> noResource(NoResourceFoundException e) {
    return error(HttpStatus.NOT_FOUND, null, "没有这个地址：/" + e.getResourcePath());
  }

  @ExceptionHandler(HttpRequestMethodNotSupportedException.class)
  ResponseEntity<ApiError> method(HttpRequestMethodNotSupportedException e) {
    return error(HttpStatus.METHOD_NOT_ALLOWED, null, "不支持的请求方法：" + e.getMethod());
  }

  @ExceptionHandler(HttpMediaTypeNotSupportedException.class)
  ResponseEntity<ApiError> mediaType(HttpMediaTypeNotSupportedException e) {
    return error(HttpStatus.UNSUPPORTED_MEDIA_TYPE, null, "请求体须为 application/json");
  }

  @ExceptionHandler(Exception.class)
  ResponseEntity<ApiError> unexpected(Exception e) {
    LOG.error("Unexpected error in /api", e);
    return error(HttpStatus.INTERNAL_SERVER_ERROR, null, "服务器内部错误，请联系管理员");
  }

  private static String path(JsonMappingException e) {
    return e.getPath().stream()
        .map(r -> r.getFieldName() != null ? r.getFieldName() : "[" + r.getIndex() + "]")
        .collect(Collectors.joining("."))
        .replace(".[", "[");
  }

  private static ResponseEntity<ApiError> error(HttpStatus status, String field, String message) {
    return ResponseEntity.status(status).body(new ApiError(status.value(), field, message));
  }
}
