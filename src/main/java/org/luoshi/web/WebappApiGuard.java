package org.luoshi.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.luoshi.engine.Privileged;
import org.luoshi.identity.Organisation;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The webapps' own APIs answer only people who may use the webapp: Cockpit's plugin API
 * ({@code /camunda/api/cockpit/…}, e.g. district-wide instance statistics) those with access to
 * Cockpit, Admin's ({@code /camunda/api/admin/…}) those with access to Admin. Camunda itself only
 * asks for a login there. Left open: the login, logout and "who am I" of every webapp
 * ({@code /camunda/api/admin/auth/…}), Admin's first-user setup (Camunda allows it only while no
 * administrator exists) and the plugins' static scripts.
 *
 * <p>Access is read from the engine's authorizations at each request (APPLICATION {@code cockpit} /
 * {@code admin}, ACCESS), so a change in Admin applies at once, not at the next login.
 */
class WebappApiGuard extends OncePerRequestFilter {

  private final AuthorizationService authorizations;
  private final Organisation organisation;
  private final Privileged privileged;

  WebappApiGuard(AuthorizationService authorizations, Organisation organisation, Privileged privileged) {
    this.authorizations = authorizations;
    this.organisation = organisation;
    this.privileged = privileged;
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    String app = null;
    for (String path : EnginePaths.all(request)) {
      String needed = appNeeded(path, request.getMethod());
      if (needed != null) {
        app = needed;
      }
    }
    if (app == null) {
      chain.doFilter(request, response);
      return;
    }
    String user = Callers.sessionUser(request);
    if (user == null) {
      ErrorResponses.write(response, 401, null, "需要登录");
      return;
    }
    if (!mayUse(user, app)) {
      ErrorResponses.write(response, 403, null, "没有使用" + ("cockpit".equals(app) ? "监控台（Cockpit）" : "管理台（Admin）")
          + "的权限");
      return;
    }
    chain.doFilter(request, response);
  }

  /** The webapp a path of the webapps' API needs access to, or null when it is open to any login. */
  static String appNeeded(String path, String method) {
    if (path.startsWith("/camunda/api/cockpit/")) {
      return isStaticPluginScript(path, "cockpit", method) ? null : "cockpit";
    }
    if (path.startsWith("/camunda/api/admin/")) {
      if (path.startsWith("/camunda/api/admin/auth/") || path.startsWith("/camunda/api/admin/setup/")
          || isStaticPluginScript(path, "admin", method)) {
        return null;
      }
      return "admin";
    }
    return null;
  }

  private static boolean isStaticPluginScript(String path, String app, String method) {
    return ("GET".equals(method) || "HEAD".equals(method))
        && path.matches("/camunda/api/" + app + "/plugin/[^/]+/static/.+");
  }

  private boolean mayUse(String user, String app) {
    List<String> groups = organisation.groupIdsOf(user);
    return privileged.call(() ->
        authorizations.isUserAuthorized(user, groups, Permissions.ACCESS, Resources.APPLICATION, app));
  }
}
