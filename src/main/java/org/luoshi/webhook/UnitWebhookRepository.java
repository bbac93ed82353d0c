package org.luoshi.webhook;

import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

interface UnitWebhookRepository extends JpaRepository<UnitWebhook, Long> {

  Optional<UnitWebhook> findByUnitCodeAndPlatform(String unitCode, WebhookPlatform platform);

  List<UnitWebhook> findByUnitCodeOrderByPlatformAsc(String unitCode);
}
