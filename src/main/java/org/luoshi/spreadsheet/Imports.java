package org.luoshi.spreadsheet;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.luoshi.common.DomainException;
import org.luoshi.common.Filenames;
import org.luoshi.engine.Time;
import org.luoshi.item.IssueRequest;
import org.luoshi.item.Items;
import org.luoshi.spreadsheet.ImportViews.Confirmed;
import org.luoshi.spreadsheet.ImportViews.ImportedItem;
import org.luoshi.spreadsheet.ImportViews.Preview;
import org.luoshi.spreadsheet.ImportViews.PreviewRow;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Importing a year's responsibility list: the office uploads its spreadsheet, sees every row checked
 * (nothing issued yet), and confirms; then each row is issued exactly as POST /api/items issues an item
 * (same service, same rules, a migrated issuedOn allowed), all rows in one transaction: all issued or none.
 */
@Service
class Imports {

  private static final Logger LOG = LoggerFactory.getLogger(Imports.class);
  private static final TypeReference<List<PreviewRow>> ROWS = new TypeReference<>() {};

  private final ImportPreviewRepository previews;
  private final ImportRules rules;
  private final Items items;
  private final ImportSettings settings;
  private final ObjectMapper json;

  Imports(ImportPreviewRepository previews, ImportRules rules, Items items, ImportSettings settings,
      ObjectMapper json) {
    this.previews = previews;
    this.rules = rules;
    this.items = items;
    this.settings = settings;
    this.json = json;
  }

  /** Reads and checks the file, keeps the preview for the office; issues nothing. */
  @Transactional
  public Preview preview(byte[] content, String fileName, String user) {
    List<PreviewRow> rows = rules.check(ImportSheet.read(content, settings), true);
    Instant now = Time.now();
    previews.deleteExpired(now);
    int ok = (int) rows.stream().filter(PreviewRow::ok).count();
    String token = UUID.randomUUID().toString();
    previews.save(new ImportPreview(token, user, now, now.plus(settings.previewTtl()), rows.size(), ok,
        fileName == null ? null : Filenames.clean(fileName), write(rows)));
    LOG.info("Import preview {} by {}: {} rows, {} ok", token, user, rows.size(), ok);
    return new Preview(token, rows.size(), ok, ok == rows.size(), rows);
  }

  /**
   * Issues every row of a preview whose rows are all ok, once. Another user's, an unknown or an expired
   * token is 404; a preview already confirmed, or one with errors, 409. A row the issuing service refuses
   * after all (the organisation changed since the preview) refuses the whole import: nothing is issued.
   */
  @Transactional
  public Confirmed confirm(String token, String user) {
    ImportPreview p = previews.lock(token).filter(x -> x.getCreatedBy().equals(user))
        .orElseThrow(() -> DomainException.notFound("没有这个导入预览：" + org.luoshi.common.Inputs.excerpt(token)));
    if (p.getConfirmedAt() != null) {
      throw DomainException.conflict("token", "这份导入预览已于 " + java.time.OffsetDateTime.ofInstant(p.getConfirmedAt(), Time.ZONE)
          .format(java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm")) + " 确认导入，不能重复导入");
    }
    if (p.getExpiresAt().isBefore(Time.now())) {
      throw DomainException.notFound("导入预览已过期，请重新上传表格");
    }
    if (!p.isReady()) {
      throw DomainException.conflict("token", "导入预览中有错误的行，请修改表格后重新上传");
    }
    List<String> codes = new ArrayList<>();
    for (PreviewRow row : read(p.getRowsJson())) {
      ImportedItem i = row.item();
      try {
        codes.add(items.create(new IssueRequest(i.title(), i.source(), i.unitCode(), i.leadLeader(), i.deadline(),
            i.target(), null, i.issuedOn(), i.category(), null, i.coUnitCodes()), user).code());
      } catch (DomainException e) {
        throw new DomainException(e.kind(), e.field(), "第 " + row.row() + " 行：" + e.reason() + "（未导入任何事项）");
      }
    }
    p.confirm(Time.now(), String.join(",", codes));
    LOG.info("Import {} confirmed by {}: {} items issued", token, user, codes.size());
    return new Confirmed(codes);
  }

  private String write(List<PreviewRow> rows) {
    try {
      return json.writeValueAsString(rows);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  private List<PreviewRow> read(String rows) {
    try {
      return json.readValue(rows, ROWS);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }
}
