package org.luoshi.common;

import java.util.List;
import java.util.function.Function;
import org.springframework.data.domain.Page;

/** A page of a list: {@code {content, totalElements, page, size}}. */
public record PageResult<T>(List<T> content, long totalElements, int page, int size) {

  public static <E, T> PageResult<T> of(Page<E> page, Function<E, T> mapper) {
    return new PageResult<>(page.getContent().stream().map(mapper).toList(),
        page.getTotalElements(), page.getNumber(), page.getSize());
  }

  /** Checks paging parameters: page from 0, size from 1 to 500. */
  public static void check(int page, int size) {
    if (page < 0) {
      throw DomainException.invalid("page", "页码不能小于 0");
    }
    if (size < 1 || size > 500) {
      throw DomainException.invalid("size", "每页条数应在 1 到 500 之间");
    }
  }
}
