package org.luoshi.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.Tenant;
import org.camunda.bpm.webapp.impl.security.auth.Authentication;
import org.camunda.bpm.webapp.impl.security.auth.AuthenticationUtil;
import org.camunda.bpm.webapp.impl.security.filter.util.CsrfConstants;
import org.springframework.http.MediaType;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * HTTP basic authentication of /api against the Camunda identity (the same users, passwords and
 * login throttling as Tasklist, see LoginThrottleFilter). On success the caller becomes the engine's current
 * authentication, so engine queries made for the request honour its authorizations.
 *
 * <p>The login of the Camunda webapps' session is accepted too, so the ledger pages work for
 * someone logged into Tasklist or Cockpit: reads (GET, HEAD) as they are; writes only with the
 * session's CSRF token in {@code X-XSRF-TOKEN} (the token Camunda's webapps send, kept in the
 * session), so another site cannot write in a logged-in person's name by making their browser post.
 * A session-authenticated answer carries that token in its {@code X-XSRF-TOKEN} header (readable by
 * the page's own scripts only: same origin). Basic credentials need no token. A request marked
 * {@code X-Requested-With} gets no basic challenge, so a page can show its own "please log in"
 * instead of the browser's dialog.
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
      userId = webappUser(request);
      if (userId == null) {
        unauthorized(request, response, "需要登录：请使用 HTTP Basic 认证，或先登录 Tasklist");
        return;
      }
      String token = sessionCsrfToken(request);
      if (!isRead(request) && !sameToken(token, request.getHeader(CsrfConstants.CSRF_TOKEN_HEADER_NAME))) {
        refuse(response, HttpServletResponse.SC_FORBIDDEN, null,
            "页面已过期或请求不是从落实的页面发出的：请刷新页面后重试");
        return;
      }
      if (token != null) {
        response.setHeader(CsrfConstants.CSRF_TOKEN_HEADER_NAME, token);
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

  /** The CSRF token Camunda's webapps keep in the session (created by their CSRF filter). */
  private static String sessionCsrfToken(HttpServletRequest request) {
    HttpSession session = request.getSession(false);
    Object token = session == null ? null : session.getAttribute(CsrfConstants.CSRF_TOKEN_SESSION_ATTR_NAME);
    return token instanceof String s && !s.isBlank() ? s : null;
  }

  private static boolean sameToken(String expected, String given) {
    return expected != null && given != null
        && MessageDigest.isEqual(expected.getBytes(StandardCharsets.UTF_8), given.getBytes(StandardCharsets.UTF_8));
  }

  private void unauthorized(HttpServletRequest request, HttpServletResponse response, String message)
      throws IOException {
    if (request.getHeader("X-Requested-With") == null) {
      response.setHeader("WWW-Authenticate", "Basic realm=\"luoshi\", charset=\"UTF-8\"");
    }
    refuse(response, HttpServletResponse.SC_UNAUTHORIZED, null, message);
  }

  private void refuse(HttpServletResponse response, int status, String field, String message) throws IOException {
    response.setStatus(status);
    response.setContentType(MediaType.APPLICATION_JSON_VALUE);
    response.setCharacterEncoding(StandardCharsets.UTF_8.name());
    json.writeValue(response.getOutputStream(), new ApiError(status, field, message));
  }
}
