package org.luoshi.document;

import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

interface IssuedDocumentRepository extends JpaRepository<IssuedDocument, Long> {

  Optional<IssuedDocument> findByItemCodeAndKind(String itemCode, DocumentKind kind);

  List<IssuedDocument> findByItemCodeOrderByIssuedAtAscIdAsc(String itemCode);
}
