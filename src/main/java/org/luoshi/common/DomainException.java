package org.luoshi.common;

/**
 * A rule of the domain refused what a person asked for: bad input naming the field, someone
 * else's record, an unknown code, or a state that no longer allows the step. It carries no HTTP:
 * {@code web/} maps the {@link Kind} to a status once, for /api and /engine-rest alike; inside a
 * task listener it fails the completion and the task stays open.
 */
public class DomainException extends RuntimeException {

  /** What kind of refusal this is; web/ maps it to 400, 401, 403, 404 or 409. */
  public enum Kind { INVALID, UNAUTHENTICATED, FORBIDDEN, NOT_FOUND, CONFLICT }

  private final Kind kind;
  private final String field;
  private final String reason;

  public DomainException(Kind kind, String field, String reason) {
    super(field == null ? reason : reason + "（" + field + "）");
    this.kind = kind;
    this.field = field;
    this.reason = reason;
  }

  public Kind kind() {
    return kind;
  }

  /** The request or variable field at fault (English, for programs), or null. */
  public String field() {
    return field;
  }

  /** The message for people (Chinese), without the field's key. */
  public String reason() {
    return reason;
  }

  /** Bad input, naming the field. */
  public static DomainException invalid(String field, String reason) {
    return new DomainException(Kind.INVALID, field, reason);
  }

  /** An unknown code or id. */
  public static DomainException notFound(String reason) {
    return new DomainException(Kind.NOT_FOUND, null, reason);
  }

  /** Someone else's record, or a step of another role. */
  public static DomainException forbidden(String reason) {
    return new DomainException(Kind.FORBIDDEN, null, reason);
  }

  /** The request conflicts with the current state (a closed item, a task a colleague completed). */
  public static DomainException conflict(String field, String reason) {
    return new DomainException(Kind.CONFLICT, field, reason);
  }

  /** Nobody is logged in. */
  public static DomainException unauthenticated(String reason) {
    return new DomainException(Kind.UNAUTHENTICATED, null, reason);
  }
}
