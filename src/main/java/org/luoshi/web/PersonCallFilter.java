package org.luoshi.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.luoshi.engine.PersonCalls;
import org.springframework.web.filter.OncePerRequestFilter;

/** Marks a request to Camunda's REST APIs as a person's call, for the engine guard (see {@link PersonCalls}). */
class PersonCallFilter extends OncePerRequestFilter {

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    PersonCalls.enter();
    try {
      chain.doFilter(request, response);
    } finally {
      PersonCalls.exit();
    }
  }
}
