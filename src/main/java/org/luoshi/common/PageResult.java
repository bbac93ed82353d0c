package org.luoshi.common;

import java.util.List;
import java.util.function.Function;
import org.springframework.data.domain.Page;

/**
 * A page of a list: {@code {content, totalElements, page, size}}. A list whose total is counted only up
 * to a bound (the item ledger, {@code luoshi.ledger.count-limit}) also says {@code totalExact}: when
 * false, {@code totalElements} is a lower bound (there are at least that many); lists that always count
 * exactly leave it out.
 */
public record PageResult<T>(List<T> content, long totalElements, int page, int size, Boolean totalExact) {

  public PageResult(List<T> content, long totalElements, int page, int size) {
    this(content, totalElements, page, size, null);
  }

  public static <E, T> PageResult<T> of(Page<E> page, Function<E, T> mapper) {
    return new PageResult<>(page.getContent().stream().map(mapper).toList(),
        page.getTotalElements(), page.getNumber(), page.getSize());
  }

  /** How far into a list a page may start (page × size): past any real list, within the database's int. */
  public static final long MAX_OFFSET = 10_000_000;

  /** Checks paging parameters: size from 1 to 500, page from 0 while page × size stays within 10,000,000. */
  public static void check(int page, int size) {
    if (size < 1 || size > 500) {
      throw DomainException.invalid("size", "每页条数应在 1 到 500 之间：" + size);
    }
    long last = MAX_OFFSET / size;
    if (page < 0 || page > last) {
      throw DomainException.invalid("page", "页码应在 0 到 " + last + " 之间（每页 " + size + " 条）：" + page);
    }
  }
}
