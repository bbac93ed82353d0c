package org.luoshi.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.webapp.impl.security.auth.Authentication;
import org.camunda.bpm.webapp.impl.security.auth.AuthenticationUtil;

/** Who sends a request to the engine's APIs, for the guards in front of them. */
final class Callers {

  static final String ENGINE = "default";

  private Callers() {}

  /**
   * The caller of a request: on the webapps' APIs (/camunda/…) the user logged into this browser
   * session; on /engine-rest the user its authentication filter has just checked. Null when none.
   */
  static String userId(HttpServletRequest request, IdentityService identity) {
    if (EnginePaths.of(request).startsWith("/camunda/")) {
      return sessionUser(request);
    }
    var current = identity.getCurrentAuthentication();
    return current == null ? null : current.getUserId();
  }

  /** The user logged into Tasklist, Cockpit or Admin in this browser session, if any. */
  static String sessionUser(HttpServletRequest request) {
    HttpSession session = request.getSession(false);
    if (session == null) {
      return null;
    }
    Authentication auth = AuthenticationUtil.getAuthsFromSession(session).getAuthenticationForProcessEngine(ENGINE);
    return auth == null ? null : auth.getName();
  }
}
