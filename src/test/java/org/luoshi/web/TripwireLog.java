package org.luoshi.web;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** What happened to {@link Tripwire} (reading this does not load Tripwire). */
public final class TripwireLog {

  public static final List<String> EVENTS = new CopyOnWriteArrayList<>();

  private TripwireLog() {}
}
