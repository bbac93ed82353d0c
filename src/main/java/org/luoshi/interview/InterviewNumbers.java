package org.luoshi.interview;

import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Gives out interview codes {@code YT-2026-0001}, {@code YT-2026-0002}, … without duplicates or
 * gaps, under concurrent starts on any number of nodes: the year's counter row is incremented in
 * the starting transaction, whose row lock makes a concurrent start wait until this one commits
 * (or rolls back and gives its number back). The wait is short — the rest of one start — and needs
 * no second connection, so a burst of starts cannot exhaust the pool. Only the first start of a
 * year creates the year's row, in a transaction of its own, so two first starts cannot both
 * insert it.
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

  /** The next code of the year; call inside the transaction that stores the interview, as late as possible. */
  String next(int year) {
    if (repository.incrementCounter(year) == 0) {
      createCounter(year);
      if (repository.incrementCounter(year) == 0) {
        throw new IllegalStateException("No interview counter for " + year);
      }
    }
    return format(year, repository.counter(year));
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
