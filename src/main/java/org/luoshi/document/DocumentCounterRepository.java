package org.luoshi.document;

import jakarta.persistence.LockModeType;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;

interface DocumentCounterRepository extends JpaRepository<DocumentCounter, String> {

  @Lock(LockModeType.PESSIMISTIC_WRITE)
  @Query("select c from DocumentCounter c where c.key = :key")
  Optional<DocumentCounter> lock(String key);
}
