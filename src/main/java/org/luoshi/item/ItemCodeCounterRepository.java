package org.luoshi.item;

import jakarta.persistence.LockModeType;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;

interface ItemCodeCounterRepository extends JpaRepository<ItemCodeCounter, Integer> {

  @Lock(LockModeType.PESSIMISTIC_WRITE)
  @Query("select c from ItemCodeCounter c where c.year = :year")
  Optional<ItemCodeCounter> lock(int year);
}
