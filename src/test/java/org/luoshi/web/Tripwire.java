package org.luoshi.web;

/**
 * A class an attacker might name in an Object variable: loading it or building it leaves a trace
 * in {@link TripwireLog}, so a test can tell that the server did neither.
 */
public class Tripwire {

  static {
    TripwireLog.EVENTS.add("loaded");
  }

  private String id;

  public Tripwire() {
    TripwireLog.EVENTS.add("built");
  }

  public String getId() {
    return id;
  }

  public void setId(String id) {
    TripwireLog.EVENTS.add("set " + id);
    this.id = id;
  }
}
