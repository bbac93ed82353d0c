package org.luoshi.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.Tenant;
import org.camunda.bpm.webapp.impl.security.auth.Authentication;
import org.camunda.bpm.webapp.impl.security.auth.AuthenticationUtil;
import org.springframework.http.MediaType;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * HTTP basic authentication of /api against the Camunda identity (the same users, passwords and
 * login throttling as Tasklist, see LoginThrottleFilter). On success the caller becomes the engine's current
 * authentication, so engine queries made for the request honour its authorizations.
 *
 * <p>Reads (GET, HEAD) also accept the login of the Camunda webapps' session, so the ledger pages
 * work for someone logged into Tasklist or Cockpit; everything that writes needs basic credentials.
 * A request marked {@code X-Requested-With} gets no basic challenge, so a page can show its own
 * "please log in" instead of the browser's dialog.
 */
class ApiAuthenticationFilter extends OncePerRequestFilter {

  private final IdentityService identity;
  private final ObjectMapper json;

  ApiAuthenticationFilter(IdentityService identity, ObjectMapper json) {
    this.identity = identity;
    this.json = json;
  }

  @Override
  protected void doFilterInternal(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    BasicCredentials credentials = BasicCredentials.of(request.getHeader("Authorization"));
    String userId;
    if (credentials != null) {
      userId = credentials.user();
      if (userId.isBlank() || !identity.checkPassword(userId, credentials.password())) {
        unauthorized(request, response, "用户名或密码不正确");
        return;
      }
    } else {
      userId = isRead(request) ? webappUser(request) : null;
      if (userId == null) {
        unauthorized(request, response, "需要登录：请使用 HTTP Basic 认证，或先登录 Tasklist");
        return;
      }
    }
    List<String> groups = identity.createGroupQuery().groupMember(userId).list().stream()
        .map(Group::getId).toList();
    List<String> tenants = identity.createTenantQuery().userMember(userId).includingGroupsOfUser(true)
        .list().stream().map(Tenant::getId).toList();
    identity.setAuthentication(userId, groups, tenants);
    try {
      chain.doFilter(request, response);
    } finally {
      identity.clearAuthentication();
    }
  }

  private static boolean isRead(HttpServletRequest request) {
    return "GET".equals(request.getMethod()) || "HEAD".equals(request.getMethod());
  }

  /** The user logged into Tasklist, Cockpit or Admin in this browser session, if any. */
  private static String webappUser(HttpServletRequest request) {
    HttpSession session = request.getSession(false);
    if (session == null) {
      return null;
    }
    Authentication auth = AuthenticationUtil.getAuthsFromSession(session).getAuthenticationForProcessEngine("default");
    return auth == null ? null : auth.getName();
  }

  private void unauthorized(HttpServletRequest request, HttpServletResponse response, String message)
      throws IOException {
    response.setStatus(HttpServletResponse.SC_UNAUTHORIZED);
    if (request.getHeader("X-Requested-With") == null) {
      response.setHeader("WWW-Authenticate", "Basic realm=\"luoshi\", charset=\"UTF-8\"");
    }
    response.setContentType(MediaType.APPLICATION_JSON_VALUE);
    response.setCharacterEncoding(StandardCharsets.UTF_8.name());
    json.writeValue(response.getOutputStream(), new ApiError(401, null, message));
  }
}
