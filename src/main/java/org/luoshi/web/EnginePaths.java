package org.luoshi.web;

import jakarta.servlet.http.HttpServletRequest;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The path of a request as the guards compare it: percent-decoded, without matrix parameters
 * ({@code ;jsessionid=…}), empty segments or a trailing slash, as Tomcat routed it and as the raw URI
 * reads (JAX-RS matches on the latter; a guard looks at both, so neither spelling slips past it).
 * For the engine's REST API, {@link #engineResources} is the part after {@code /engine-rest},
 * {@code /engine-rest/engine/{name}} or the webapps' {@code /camunda/api/engine/engine/{name}}.
 */
final class EnginePaths {

  private EnginePaths() {}

  /** The request's path (Tomcat's view): e.g. /camunda/api/admin/auth/user/default/login/tasklist. */
  static String of(HttpServletRequest request) {
    String routed = request.getServletPath() + (request.getPathInfo() == null ? "" : request.getPathInfo());
    return normalise(routed, false);
  }

  /** Both views of the path, routed and raw (usually the same). */
  static List<String> all(HttpServletRequest request) {
    Set<String> paths = new LinkedHashSet<>();
    paths.add(of(request));
    String raw = request.getRequestURI();
    String context = request.getContextPath();
    if (context != null && !context.isEmpty() && raw.startsWith(context)) {
      raw = raw.substring(context.length());
    }
    paths.add(normalise(raw, true));
    return new ArrayList<>(paths);
  }

  /** The engine REST resources the request addresses (e.g. /identity/verify), empty if none. */
  static List<String> engineResources(HttpServletRequest request) {
    List<String> out = new ArrayList<>();
    for (String p : all(request)) {
      String r = engineResource(p);
      if (r != null && !out.contains(r)) {
        out.add(r);
      }
    }
    return out;
  }

  /** The first engine REST resource, or null. */
  static String engineResource(HttpServletRequest request) {
    List<String> r = engineResources(request);
    return r.isEmpty() ? null : r.get(0);
  }

  static String engineResource(String path) {
    String rest;
    if (path.equals("/engine-rest") || path.startsWith("/engine-rest/")) {
      rest = path.substring("/engine-rest".length());
      if (rest.startsWith("/engine/")) {
        int next = rest.indexOf('/', "/engine/".length());
        rest = next < 0 ? "" : rest.substring(next);
      }
    } else if (path.startsWith("/camunda/api/engine/engine/")) {
      rest = path.substring("/camunda/api/engine/engine/".length());
      int next = rest.indexOf('/');
      rest = next < 0 ? "" : rest.substring(next);
    } else {
      return null;
    }
    return rest.isEmpty() ? "/" : rest;
  }

  private static String normalise(String path, boolean decode) {
    List<String> segments = new ArrayList<>();
    for (String segment : path.split("/")) {
      int semicolon = segment.indexOf(';');
      if (semicolon >= 0) {
        segment = segment.substring(0, semicolon);
      }
      if (decode) {
        segment = percentDecode(segment);
      }
      if (segment.isEmpty() || segment.equals(".")) {
        continue;
      }
      if (segment.equals("..")) {
        if (!segments.isEmpty()) {
          segments.remove(segments.size() - 1);
        }
        continue;
      }
      segments.add(segment);
    }
    return "/" + String.join("/", segments);
  }

  private static String percentDecode(String s) {
    if (s.indexOf('%') < 0) {
      return s;
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    byte[] bytes = s.getBytes(StandardCharsets.UTF_8);
    for (int i = 0; i < bytes.length; i++) {
      if (bytes[i] == '%' && i + 2 < bytes.length && hex(bytes[i + 1]) >= 0 && hex(bytes[i + 2]) >= 0) {
        out.write(hex(bytes[i + 1]) * 16 + hex(bytes[i + 2]));
        i += 2;
      } else {
        out.write(bytes[i]);
      }
    }
    return out.toString(StandardCharsets.UTF_8);
  }

  private static int hex(byte b) {
    return Character.digit((char) b, 16);
  }
}
