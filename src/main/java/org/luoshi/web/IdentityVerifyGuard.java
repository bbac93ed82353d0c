package org.luoshi.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.camunda.bpm.engine.IdentityService;
import org.luoshi.identity.Groups;
import org.luoshi.identity.Organisation;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * {@code POST identity/verify} tells whether a password is someone's: a password-guessing oracle for
 * any logged-in user (issue 13). Only administrators may call it, on /engine-rest and on the
 * webapps' engine API; everyone else gets 403 (401 without a login) and nothing is checked.
 */
class IdentityVerifyGuard extends OncePerRequestFilter {

  private final IdentityService identity;
  private final Organisation organisation;

  IdentityVerifyGuard(IdentityService identity, Organisation organisation) {
    this.identity = identity;
    this.organisation = organisation;
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    if (EnginePaths.engineResources(request).stream().noneMatch(r -> r.startsWith("/identity/verify"))) {
      chain.doFilter(request, response);
      return;
    }
    String caller = Callers.userId(request, identity);
    if (caller == null) {
      ErrorResponses.write(response, 401, null, "需要登录");
      return;
    }
    if (!organisation.isMember(caller, Groups.ADMIN)) {
      ErrorResponses.write(response, 403, null, "只有系统管理员可以校验用户密码");
      return;
    }
    chain.doFilter(request, response);
  }
}
