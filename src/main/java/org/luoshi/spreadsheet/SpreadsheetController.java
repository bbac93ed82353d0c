package org.luoshi.spreadsheet;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.format.DateTimeFormatter;
import org.luoshi.common.DomainException;
import org.luoshi.common.FileKind;
import org.luoshi.common.Filenames;
import org.luoshi.engine.Time;
import org.luoshi.identity.CurrentUser;
import org.luoshi.identity.Groups;
import org.luoshi.identity.Organisation;
import org.luoshi.item.ItemLedger;
import org.luoshi.item.LedgerFilter;
import org.luoshi.item.LedgerQuery;
import org.luoshi.item.Viewer;
import org.luoshi.spreadsheet.ImportViews.Confirmed;
import org.luoshi.spreadsheet.ImportViews.Preview;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/**
 * The ledger to and from Excel: GET /api/items.xlsx (the ledger's filters, every matching row the caller
 * may see), the import template, and the office's import (preview, then confirm).
 */
@RestController
class SpreadsheetController {

  private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyyMMdd");

  private final ItemLedger ledger;
  private final Imports imports;
  private final Organisation organisation;
  private final ImportSettings settings;
  private final CurrentUser user;

  SpreadsheetController(ItemLedger ledger, Imports imports, Organisation organisation, ImportSettings settings,
      CurrentUser user) {
    this.ledger = ledger;
    this.imports = imports;
    this.organisation = organisation;
    this.settings = settings;
    this.user = user;
  }

  @GetMapping("/api/items.xlsx")
  void export(@ModelAttribute LedgerFilter filter, HttpServletResponse response) throws IOException {
    LedgerQuery query = filter.query(0, 1);
    Viewer viewer = Viewer.of(user);
    long count = ledger.count(query, viewer);
    if (count > LedgerWorkbook.MAX_ROWS) {
      throw DomainException.invalid(null, "符合条件的事项有 " + count + " 项，超过 Excel 一张表的上限 "
          + LedgerWorkbook.MAX_ROWS + " 行，请缩小筛选范围（如按年份、单位）后再导出");
    }
    response.setContentType(FileKind.XLSX.contentType());
    response.setHeader(HttpHeaders.CONTENT_DISPOSITION,
        Filenames.contentDisposition(false, "责任清单台账-" + Time.today().format(DAY) + ".xlsx"));
    LedgerWorkbook.write(response.getOutputStream(), organisation, each -> ledger.forEach(query, viewer, each));
  }

  @GetMapping("/api/items/import/template.xlsx")
  ResponseEntity<byte[]> template() {
    office();
    byte[] body = ImportTemplate.render(organisation.units(), organisation.people(Groups.LEADERS), settings.maxRows());
    return ResponseEntity.ok()
        .header(HttpHeaders.CONTENT_TYPE, FileKind.XLSX.contentType())
        .header(HttpHeaders.CONTENT_DISPOSITION, Filenames.contentDisposition(false, "责任清单导入模板.xlsx"))
        .body(body);
  }

  /** A row-by-row preview of the office's spreadsheet; nothing is issued until it is confirmed. */
  @PostMapping("/api/items/import")
  Preview preview(@RequestPart(name = "file", required = false) MultipartFile file) throws IOException {
    office();
    if (file == null || file.isEmpty()) {
      throw DomainException.invalid("file", "请选择要导入的 Excel 文件");
    }
    if (file.getSize() > settings.maxSize().toBytes()) {
      // refused before it is read into memory
      throw DomainException.invalid("file", "文件不能超过 " + ImportSheet.megabytes(settings.maxSize().toBytes())
          + "（收到 " + ImportSheet.megabytes(file.getSize()) + "）");
    }
    return imports.preview(file.getBytes(), file.getOriginalFilename(), user.id());
  }

  @PostMapping("/api/items/import/{token}")
  ResponseEntity<Confirmed> confirm(@PathVariable String token) {
    office();
    return ResponseEntity.status(HttpStatus.CREATED).body(imports.confirm(token, user.id()));
  }

  private void office() {
    if (!user.isOffice() && !user.isAdmin()) { // as POST /api/items
      throw DomainException.forbidden("只有督查室可以导入责任清单");
    }
  }
}
