package org.luoshi.item;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

interface ItemEventRepository extends JpaRepository<ItemEvent, Long> {

  List<ItemEvent> findByItemIdOrderByOccurredAtAscIdAsc(Long itemId);
}
