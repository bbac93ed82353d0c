package org.luoshi.web;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.luoshi.common.Json;
import org.luoshi.identity.LoginThrottle;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * In front of every login path (HTTP basic on /engine-rest and /api, the webapps' login form, the
 * engine's {@code identity/verify}): tells {@link LoginThrottle} which client is asking and, when
 * the client or the account has had too many wrong passwords, answers 429 in the error shape with
 * a Chinese message saying when to try again, without looking at the password. The password check
 * itself (and its counting) happens in the identity provider, whichever path calls it.
 *
 * <p>The client is the request's remote address. Behind a reverse proxy set
 * {@code server.forward-headers-strategy=native} (and the proxy's address as internal), so that
 * the address is the one the proxy saw; X-Forwarded-For from anyone else is not believed.
 */
class LoginThrottleFilter extends OncePerRequestFilter {

  private static final int MAX_LOGIN_BODY = 16 * 1024;

  private final LoginThrottle throttle;

  LoginThrottleFilter(LoginThrottle throttle) {
    this.throttle = throttle;
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    String client = request.getRemoteAddr();
    HttpServletRequest forward = request;
    List<String> accounts = new ArrayList<>();
    String basic = BasicCredentials.user(request.getHeader("Authorization"));
    if (basic != null) {
      accounts.add(basic);
    }
    if ("POST".equals(request.getMethod())) {
      boolean webappLogin = EnginePaths.all(request).stream()
          .anyMatch(p -> p.matches("/camunda/api/admin/auth/user/[^/]+/login/[^/]+"));
      boolean verify = EnginePaths.engineResources(request).contains("/identity/verify");
      if (webappLogin || verify) {
        CachedBodyRequest cached = CachedBodyRequest.of(request, MAX_LOGIN_BODY);
        if (cached == null) {
          ErrorResponses.write(response, 413, null, "请求体过大");
          return;
        }
        forward = cached;
        String checked = webappLogin ? formValue(cached.text(), "username") : jsonValue(cached.body(), "username");
        if (checked != null) {
          accounts.add(checked);
        }
      }
    }
    for (String account : accounts) {
      Optional<LoginThrottle.Refusal> refusal = throttle.refusal(client, account);
      if (refusal.isPresent()) {
        var now = throttle.now();
        response.setHeader("Retry-After", Long.toString(refusal.get().retryAfterSeconds(now)));
        ErrorResponses.write(response, 429, null, refusal.get().message(now));
        return;
      }
    }
    LoginThrottle.setClient(client);
    try {
      chain.doFilter(forward, response);
    } finally {
      LoginThrottle.setClient(null);
    }
  }

  private static String formValue(String form, String name) {
    for (String pair : form.split("&")) {
      int eq = pair.indexOf('=');
      String key = eq < 0 ? pair : pair.substring(0, eq);
      try {
        if (URLDecoder.decode(key, StandardCharsets.UTF_8).equals(name)) {
          return eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
        }
      } catch (IllegalArgumentException e) {
        return null; // malformed: Camunda's login refuses it
      }
    }
    return null;
  }

  private static String jsonValue(byte[] body, String name) {
    try {
      JsonNode node = Json.mapper().readTree(body);
      JsonNode v = node == null ? null : node.get(name);
      return v == null || v.isNull() ? null : v.asText();
    } catch (IOException e) {
      return null;
    }
  }
}
