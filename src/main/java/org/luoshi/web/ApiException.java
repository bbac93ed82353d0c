package org.luoshi.web;

import org.springframework.http.HttpStatus;

/**
 * A failure a caller can act on: it carries the HTTP status, the field at fault (English, for
 * programs) and a message in Chinese (for people). Thrown by services; the REST layer turns it into
 * {@link ApiError}; inside a task listener it fails the completion and Tasklist shows the message.
 */
public class ApiException extends RuntimeException {

  private final HttpStatus status;
  private final String field;
  private final String reason;

  public ApiException(HttpStatus status, String field, String reason) {
    super(field == null ? reason : reason + "（" + field + "）");
    this.status = status;
    this.field = field;
    this.reason = reason;
  }

  public HttpStatus status() {
    return status;
  }

  /** The request or variable field at fault, or null. */
  public String field() {
    return field;
  }

  /** The message for people, without the field name. */
  public String reason() {
    return reason;
  }

  /** 400: bad input, naming the field. */
  public static ApiException badRequest(String field, String reason) {
    return new ApiException(HttpStatus.BAD_REQUEST, field, reason);
  }

  /** 404: an unknown code or id. */
  public static ApiException notFound(String reason) {
    return new ApiException(HttpStatus.NOT_FOUND, null, reason);
  }

  /** 403: someone else's data or a task of another role. */
  public static ApiException forbidden(String reason) {
    return new ApiException(HttpStatus.FORBIDDEN, null, reason);
  }

  /** 409: the request conflicts with the current state (a closed item, a finished task). */
  public static ApiException conflict(String field, String reason) {
    return new ApiException(HttpStatus.CONFLICT, field, reason);
  }
}
