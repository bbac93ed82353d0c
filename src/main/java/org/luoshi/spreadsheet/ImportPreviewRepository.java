package org.luoshi.spreadsheet;

import jakarta.persistence.LockModeType;
import java.time.Instant;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;

interface ImportPreviewRepository extends JpaRepository<ImportPreview, String> {

  /** The preview, locked until the confirming transaction ends: a concurrent confirm waits, then finds it confirmed. */
  @Lock(LockModeType.PESSIMISTIC_WRITE)
  @Query("select p from ImportPreview p where p.token = :token")
  Optional<ImportPreview> lock(String token);

  @Modifying
  @Query("delete from ImportPreview p where p.expiresAt < :now")
  int deleteExpired(Instant now);
}
