package org.luoshi.interview;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;

/** An interviewee of one interview, and whether they attended once it was held. */
@Embeddable
class Participant {

  @Column(name = "user_id", nullable = false, length = 64)
  private String userId;

  @Column(nullable = false)
  private boolean attended;

  protected Participant() {}

  Participant(String userId) {
    this.userId = userId;
  }

  String userId() {
    return userId;
  }

  boolean attended() {
    return attended;
  }

  void setAttended(boolean attended) {
    this.attended = attended;
  }
}
