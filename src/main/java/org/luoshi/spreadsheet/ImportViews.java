package org.luoshi.spreadsheet;

import java.time.LocalDate;
import java.util.List;
import org.luoshi.item.ItemCategory;
import org.luoshi.item.ItemSource;

/** What the import answers: a preview of each row, and the codes a confirmation issued. */
public final class ImportViews {

  private ImportViews() {}

  /** One refusal of a row: the field (the POST /api/items key) and a Chinese message naming the column. */
  public record FieldError(String field, String message) {}

  /** A row as it would be issued; the names beside the codes for people to check. */
  public record ImportedItem(String title, ItemSource source, String sourceName, ItemCategory category,
      String categoryName, String unitCode, String unitName, String leadLeader, String leadLeaderName,
      LocalDate deadline, String target, LocalDate issuedOn, List<String> coUnitCodes, List<String> coUnitNames) {}

  /** A row of the spreadsheet: its number as Excel shows it, ok when nothing is wrong. */
  public record PreviewRow(int row, boolean ok, List<FieldError> errors, ImportedItem item) {}

  /** POST /api/items/import: the token to confirm with, the rows, and whether all of them are ok. */
  public record Preview(String token, int total, int okRows, boolean ready, List<PreviewRow> rows) {}

  /** POST /api/items/import/{token}: the codes of the items issued, in the order of the rows. */
  public record Confirmed(List<String> created) {}
}
