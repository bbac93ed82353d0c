package org.luoshi.web;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * Security headers on every answer: pages, /api, /engine-rest, static files and error pages.
 *
 * <ul>
 *   <li>{@code X-Content-Type-Options: nosniff}, {@code Referrer-Policy: same-origin};
 *   <li>Luoshi's own pages and APIs: a Content-Security-Policy that allows scripts, styles, images
 *       and requests from the application itself only (no inline scripts: the ledger pages keep
 *       theirs in files; inline styles are allowed, as the webapps need them too), no plugins,
 *       no framing by other sites ({@code frame-ancestors 'self'} and
 *       {@code X-Frame-Options: SAMEORIGIN}); /api and /engine-rest answers are not
 *       cached (the engine's own answers say {@code no-cache});
 *   <li>Camunda's webapps (/camunda/app, /camunda/api) set their own CSP, with a nonce per page
 *       ({@code camunda.bpm.webapp.header-security}); it is kept, and {@code X-Frame-Options: DENY}
 *       added to match its {@code frame-ancestors 'none'}.
 * </ul>
 */
class SecurityHeaders implements Filter {

  static final String POLICY = "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; "
      + "img-src 'self' data:; font-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'self'; "
      + "form-action 'self'; frame-ancestors 'self'";

  @Override
  public void doFilter(ServletRequest req, ServletResponse res, FilterChain chain) throws IOException, ServletException {
    HttpServletRequest request = (HttpServletRequest) req;
    HttpServletResponse response = (HttpServletResponse) res;
    // an error page answers for the request that failed: judge by that one's path
    Object failed = request.getDispatcherType() == DispatcherType.ERROR
        ? request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI) : null;
    String uri = failed instanceof String f ? f : request.getRequestURI();
    String path = uri.startsWith(request.getContextPath()) ? uri.substring(request.getContextPath().length()) : uri;
    response.setHeader("X-Content-Type-Options", "nosniff");
    response.setHeader("Referrer-Policy", "same-origin");
    if (path.startsWith("/camunda/app/") || path.startsWith("/camunda/api/")) {
      response.setHeader("X-Frame-Options", "DENY");
    } else {
      response.setHeader("Content-Security-Policy", POLICY);
      response.setHeader("X-Frame-Options", "SAMEORIGIN");
    }
    if (path.startsWith("/api/") || path.startsWith("/engine-rest/")) {
      response.setHeader("Cache-Control", "no-store"); // the engine's REST API may say no-cache instead
    }
    chain.doFilter(req, res);
  }
}
