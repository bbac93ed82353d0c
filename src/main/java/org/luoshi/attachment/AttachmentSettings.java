package org.luoshi.attachment;

import java.util.List;
import org.luoshi.common.FileKind;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * {@code luoshi.attachments.*}: the largest file (default 20 MB; at most 50 MB, the server's upload bound
 * is 60 MB) and the kinds allowed (default all that are recognised: PDF, PNG, JPEG, DOCX, XLSX, DOC, XLS),
 * each judged by its content.
 */
@ConfigurationProperties("luoshi.attachments")
public record AttachmentSettings(
    @DefaultValue("20MB") DataSize maxSize,
    @DefaultValue({"PDF", "PNG", "JPEG", "DOCX", "XLSX", "DOC", "XLS"}) List<FileKind> allowedTypes) {

  public AttachmentSettings {
    if (maxSize.toBytes() < 1 || maxSize.toMegabytes() > 50) {
      throw new IllegalArgumentException("luoshi.attachments.max-size must be between 1 byte and 50MB");
    }
    if (allowedTypes == null || allowedTypes.isEmpty()) {
      throw new IllegalArgumentException("luoshi.attachments.allowed-types must name at least one type");
    }
    allowedTypes = List.copyOf(allowedTypes);
  }
}
