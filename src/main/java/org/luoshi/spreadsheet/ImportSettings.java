package org.luoshi.spreadsheet;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * {@code luoshi.import.*}: the office's spreadsheet of items. At most {@code max-rows} items per file
 * (default 2,000: the seed's district issued 1,619 in a year), at most {@code max-size} (default 5 MB), a
 * preview kept for {@code preview-ttl} (default 24 hours) until the office confirms it.
 */
@ConfigurationProperties("luoshi.import")
public record ImportSettings(
    @DefaultValue("2000") int maxRows,
    @DefaultValue("5MB") DataSize maxSize,
    @DefaultValue("PT24H") Duration previewTtl) {

  public ImportSettings {
    if (maxRows < 1 || maxSize.toBytes() < 1 || previewTtl.isNegative() || previewTtl.isZero()) {
      throw new IllegalArgumentException("luoshi.import.* must be positive");
    }
  }
}
