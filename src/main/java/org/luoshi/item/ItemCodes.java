package org.luoshi.item;

import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * Item codes {@code ZR-<year>-<number>}, at least four digits, unique under concurrent starts: the
 * year's counter row is locked until the issuing transaction commits.
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

  @Transactional(propagation = Propagation.MANDATORY)
  String next(int year) {
    ItemCodeCounter counter = counters.lock(year).orElseGet(() -> {
      createYear(year);
      return counters.lock(year).orElseThrow();
    });
    return "ZR-%d-%04d".formatted(year, counter.next());
  }

  private void createYear(int year) {
    try {
      newTransaction.executeWithoutResult(s -> counters.saveAndFlush(new ItemCodeCounter(year)));
    } catch (DataIntegrityViolationException alreadyCreated) {
      // another transaction created the year's counter first
    }
  }
}
