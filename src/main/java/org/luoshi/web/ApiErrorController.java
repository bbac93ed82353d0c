package org.luoshi.web;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.web.ServerProperties;
import org.springframework.boot.autoconfigure.web.servlet.error.BasicErrorController;
import org.springframework.boot.autoconfigure.web.servlet.error.ErrorViewResolver;
import org.springframework.boot.web.servlet.error.ErrorAttributes;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.ModelAndView;

/**
 * Whatever ends at the servlet container's error page (an error sent by a filter, a failure
 * before Spring MVC) answers a caller of /api or of Camunda's REST APIs in the error shape
 * {@code {status, message}}, never Spring's {@code {timestamp, error, path}}; other addresses keep
 * Spring Boot's error page.
 */
@Controller
@RequestMapping("${server.error.path:${error.path:/error}}")
class ApiErrorController extends BasicErrorController {

  private final com.fasterxml.jackson.databind.ObjectMapper json;

  ApiErrorController(ErrorAttributes attributes, ServerProperties server,
      ObjectProvider<ErrorViewResolver> resolvers, com.fasterxml.jackson.databind.ObjectMapper json) {
    super(attributes, server.getError(), resolvers.orderedStream().toList());
    this.json = json;
  }

  @Override
  @RequestMapping(produces = MediaType.TEXT_HTML_VALUE)
  public ModelAndView errorHtml(HttpServletRequest request, HttpServletResponse response) {
    if (!isApi(request)) {
      return super.errorHtml(request, response);
    }
    HttpStatus status = getStatus(request);
    response.setStatus(status.value());
    response.setContentType(MediaType.APPLICATION_JSON_VALUE);
    response.setCharacterEncoding("UTF-8");
    try {
      json.writeValue(response.getOutputStream(), new ApiError(status.value(), null, message(status, request)));
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
    return null;
  }

  @Override
  @RequestMapping
  public ResponseEntity<Map<String, Object>> error(HttpServletRequest request) {
    if (!isApi(request)) {
      return super.error(request);
    }
    HttpStatus status = getStatus(request);
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("status", status.value());
    body.put("message", message(status, request));
    return ResponseEntity.status(status).contentType(MediaType.APPLICATION_JSON).body(body);
  }

  private static boolean isApi(HttpServletRequest request) {
    Object uri = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
    // Luoshi's API and Camunda's REST APIs (/engine-rest, the webapps' /camunda/api), DESIGN.md §5
    return uri instanceof String s && (s.equals("/api") || s.startsWith("/api/") || s.equals("/engine-rest")
        || s.startsWith("/engine-rest/") || s.startsWith("/camunda/api/"));
  }

  private static String message(HttpStatus status, HttpServletRequest request) {
    Object uri = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
    if (uri instanceof String s && s.startsWith("/camunda/api/admin/auth/user/") && s.contains("/login/")) {
      // the webapps' login page shows this message as it is: say what went wrong with this login
      if (status == HttpStatus.FORBIDDEN) {
        return "没有访问本应用的权限";
      }
      if (status == HttpStatus.UNAUTHORIZED) {
        return "用户名或密码错误";
      }
    }
    return switch (status) {
      case BAD_REQUEST -> "请求格式不正确";
      case UNAUTHORIZED -> "需要登录";
      case FORBIDDEN -> "没有权限";
      case NOT_FOUND -> "没有这个地址";
      case METHOD_NOT_ALLOWED -> "不支持的请求方法";
      case PAYLOAD_TOO_LARGE -> "请求体过大";
      default -> status.is4xxClientError() ? "请求无法处理（" + status.value() + "）"
          : "服务器内部错误，请联系管理员";
    };
  }
}
