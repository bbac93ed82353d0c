package org.luoshi.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Iterator;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import org.luoshi.common.Json;
import org.luoshi.engine.ObjectVariableTypes;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The engine's REST API (/engine-rest, and the webapps' /camunda/api/engine) takes variables in
 * many places: task and instance variables, form submissions, completions, starts, messages,
 * signals, modifications, batches. Any of them may carry an Object variable naming a Java class.
 * This filter reads every JSON body first and answers 400 {status, field, message} when an
 * Object variable is not JSON of a type on {@link ObjectVariableTypes#ALLOWED}, and refuses
 * Java-typed binary uploads ({@code …/variables/{name}/data} with a {@code type} part), which
 * Camunda would deserialise itself. The engine checks the same again on every write
 * ({@link ObjectVariableTypes}); this makes the refusal a 400 wherever it comes from.
 */
class ObjectVariableGuard extends OncePerRequestFilter {

  /** Engine REST bodies Luoshi sends are small; a JSON body above this is refused unread. */
  static final int MAX_JSON_BODY = 4 * 1024 * 1024;
  private static final Pattern TYPE_PART =
      Pattern.compile("content-disposition:\\s*form-data;[^\\r\\n]*\\bname=\"?type\"?", Pattern.CASE_INSENSITIVE);

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    String method = request.getMethod();
    String type = request.getContentType() == null ? "" : request.getContentType().toLowerCase(Locale.ROOT);
    boolean writes = "POST".equals(method) || "PUT".equals(method) || "PATCH".equals(method);
    if (!writes || !(type.startsWith("application/json") || type.startsWith("multipart/"))) {
      chain.doFilter(request, response);
      return;
    }
    if (type.startsWith("multipart/")) {
      if (!request.getRequestURI().matches(".*/variables/[^/]+/data/?")) {
        chain.doFilter(request, response); // deployments and other uploads
        return;
      }
      CachedBodyRequest cached = CachedBodyRequest.of(request, MAX_JSON_BODY);
      if (cached == null) {
        ErrorResponses.write(response, 413, null, "上传内容过大");
        return;
      }
      if (TYPE_PART.matcher(new String(cached.body(), StandardCharsets.ISO_8859_1)).find()) {
        ErrorResponses.write(response, 400, variableOf(request.getRequestURI()),
            "不接受按 Java 类型上传的变量（type 部分）；请以 JSON 变量提交");
        return;
      }
      chain.doFilter(cached, response);
      return;
    }
    CachedBodyRequest cached = CachedBodyRequest.of(request, MAX_JSON_BODY);
    if (cached == null) {
      ErrorResponses.write(response, 413, null, "请求体过大");
      return;
    }
    if (cached.body().length > 0) {
      JsonNode body;
      try {
        body = Json.mapper().readTree(cached.body());
      } catch (JsonProcessingException e) {
        body = null; // not JSON after all: the engine answers for it
      }
      Refusal refused = body == null ? null : refusal(body, lastSegment(request.getRequestURI()));
      if (refused != null) {
        ErrorResponses.write(response, 400, refused.field(), refused.message());
        return;
      }
    }
    chain.doFilter(cached, response);
  }

  /** Why an Object variable may not be built: the variable's name and a Chinese message. */
  record Refusal(String field, String message) {}

  /** The first Object variable of the body that may not be built, or null; {@code name} is the key it sits under. */
  static Refusal refusal(JsonNode node, String name) {
    if (node.isObject()) {
      JsonNode t = node.get("type");
      if (t != null && t.isTextual() && t.asText().equalsIgnoreCase("object")) {
        JsonNode info = node.get("valueInfo");
        String objectType = info == null ? null : text(info.get("objectTypeName"));
        String format = info == null ? null : text(info.get("serializationDataFormat"));
        String label = name == null ? "" : name;
        if (format == null || !format.equalsIgnoreCase("application/json")) {
          return new Refusal(name, "变量 " + label
              + " 为 Object 类型，只接受 JSON 格式（serializationDataFormat 须为 application/json）");
        }
        if (!ObjectVariableTypes.allowed(objectType)) {
          return new Refusal(name, "变量 " + label + " 的对象类型不允许：" + objectType);
        }
      }
      for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
        var field = it.next();
        Refusal refused = refusal(field.getValue(), field.getKey());
        if (refused != null) {
          return refused;
        }
      }
    } else if (node.isArray()) {
      for (JsonNode element : node) {
        Refusal refused = refusal(element, name);
        if (refused != null) {
          return refused;
        }
      }
    }
    return null;
  }

  private static String text(JsonNode n) {
    return n == null || n.isNull() ? null : n.asText();
  }

  private static String variableOf(String uri) {
    String[] parts = uri.split("/");
    return parts.length >= 2 ? parts[parts.length - 2] : null;
  }

  private static String lastSegment(String uri) {
    String[] parts = uri.split("/");
    return parts.length == 0 ? null : parts[parts.length - 1];
  }
}
