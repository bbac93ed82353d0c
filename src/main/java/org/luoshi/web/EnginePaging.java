package org.luoshi.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import org.luoshi.common.Inputs;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The page a caller of Camunda's REST APIs asks for ({@code firstResult}, {@code maxResults} in the
 * query string of /engine-rest and of the webapps' /camunda/api, Cockpit's plugin queries included):
 * a negative number is refused with 400 in the error shape before any query runs (the database's
 * LIMIT/OFFSET failed on it with a 500). The engine guard checks the same for engine queries.
 */
class EnginePaging extends OncePerRequestFilter {

  private static final Logger LOG = LoggerFactory.getLogger(EnginePaging.class);

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    String query = request.getQueryString();
    if (query != null) {
      for (String pair : query.split("&")) {
        int eq = pair.indexOf('=');
        String name = eq < 0 ? pair : pair.substring(0, eq);
        if (!name.equals("firstResult") && !name.equals("maxResults")) {
          continue;
        }
        String value;
        try {
          value = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8).trim();
        } catch (IllegalArgumentException e) {
          continue; // not decodable: the REST layer refuses it as a parameter of the wrong type
        }
        if (value.matches("-\\d+")) {
          String message = Inputs.label(null, name) + "不能为负数：" + Inputs.excerpt(value);
          // a caller's error: one WARN line, like every other refusal
          LOG.warn("400 {} {}: {}: {}", request.getMethod(), request.getRequestURI(), name, message);
          ErrorResponses.write(response, 400, name, message);
          return;
        }
      }
    }
    chain.doFilter(request, response);
  }
}
