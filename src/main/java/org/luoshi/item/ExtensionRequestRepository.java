package org.luoshi.item;

import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

interface ExtensionRequestRepository extends JpaRepository<ExtensionRequest, Long> {

  List<ExtensionRequest> findByItemIdOrderByRequestedAtAscIdAsc(Long itemId);

  Optional<ExtensionRequest> findFirstByItemIdAndDecisionOrderByIdDesc(Long itemId, ExtensionRequest.Decision decision);

  Optional<ExtensionRequest> findFirstByItemIdOrderByIdDesc(Long itemId);
}
