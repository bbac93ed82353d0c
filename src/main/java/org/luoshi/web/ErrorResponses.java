package org.luoshi.web;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.luoshi.common.Json;
import org.springframework.http.MediaType;

/** Writes the one error shape {status, field, message} from a servlet filter. */
final class ErrorResponses {


  private ErrorResponses() {}

  static void write(HttpServletResponse response, int status, String field, String message) throws IOException {
    response.setStatus(status);
    response.setContentType(MediaType.APPLICATION_JSON_VALUE);
    response.setCharacterEncoding(StandardCharsets.UTF_8.name());
    Json.mapper().writeValue(response.getOutputStream(), new ApiError(status, field, message));
  }
}
