package org.luoshi.interview;

import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Gives out interview codes {@code YT-2026-0001}, {@code YT-2026-0002}, … unique under concurrent
 * starts on any number of nodes: the year's counter row is incremented under its row lock in a
 * short transaction of its own (as Hibernate's table generators do), so concurrent starts wait for
 * each other only for that increment, not for each other's whole start. A start that fails after
 * its checks passed leaves its number unused.
 */
@Component
class InterviewNumbers {

  static final String PREFIX = "YT-";

  private final InterviewRepository repository;
  private final TransactionTemplate newTransaction;

  InterviewNumbers(InterviewRepository repository, PlatformTransactionManager transactions) {
    this.repository = repository;
    this.newTransaction = new TransactionTemplate(transactions);
    this.newTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
  }

  /** The next code of the year. */
  String next(int year) {
    Integer number = newTransaction.execute(status -> increment(year));
    if (number == null) {
      createCounter(year);
      number = newTransaction.execute(status -> increment(year));
      if (number == null) {
        throw new IllegalStateException("No interview counter for " + year);
      }
    }
    return format(year, number);
  }

  private Integer increment(int year) {
    return repository.incrementCounter(year) == 0 ? null : repository.counter(year);
  }

  static String format(int year, int number) {
    return PREFIX + year + "-" + String.format("%04d", number);
  }

  private void createCounter(int year) {
    try {
      newTransaction.executeWithoutResult(status -> repository.insertCounter(year));
    } catch (DataIntegrityViolationException alreadyThere) {
      // another start created this year's row first
    }
  }
}
