package org.luoshi.item;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** The last item number given out in a year; locked while a code is taken. */
@Entity
@Table(name = "ls_item_code_counter")
final class ItemCodeCounter {

  @Id
  @Column(name = "code_year")
  private int year;

  @Column(name = "last_number", nullable = false)
  private int lastNumber;

  protected ItemCodeCounter() {}

  ItemCodeCounter(int year) {
    this.year = year;
  }

  int next() {
    return ++lastNumber;
  }
}
