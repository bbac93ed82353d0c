package org.luoshi.item;

import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * Item codes {@code ZR-<year>-<number>}, at least four digits, unique under concurrent starts. The
 * year's counter row is locked only for the moment a number is taken, in a transaction of its own:
 * issuing (the process start included) does not hold it, so twenty offices issuing at once do not
 * queue behind each other. An issue that fails after its code was taken leaves that number unused.
 */
@Component
class ItemCodes {

  private final ItemCodeCounterRepository counters;
  private final TransactionTemplate newTransaction;

  ItemCodes(ItemCodeCounterRepository counters, PlatformTransactionManager transactions) {
    this.counters = counters;
    this.newTransaction = new TransactionTemplate(transactions);
    this.newTransaction.setPropagationBehavior(TransactionTemplate.PROPAGATION_REQUIRES_NEW);
  }

  String next(int year) {
    long number = newTransaction.execute(s -> counters.lock(year).orElseGet(() -> {
      createYear(year);
      return counters.lock(year).orElseThrow();
    }).next());
    return "ZR-%d-%04d".formatted(year, number);
  }

  private void createYear(int year) {
    try {
      newTransaction.executeWithoutResult(s -> counters.saveAndFlush(new ItemCodeCounter(year)));
    } catch (DataIntegrityViolationException alreadyCreated) {
      // another transaction created the year's counter first
    }
  }
}
