package org.luoshi.document;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Formal documents ({@code luoshi.documents.*}): the district named in their heading and signature
 * (default 七里河区), and a folder of the office's own templates ({@code notice.docx},
 * {@code letter.docx}, {@code rectification.docx}) that replace the defaults shipped in the jar;
 * a kind whose file is missing there keeps the default.
 */
@ConfigurationProperties("luoshi.documents")
public record DocumentSettings(String district, String templateDir) {

  public DocumentSettings {
    district = district == null || district.isBlank() ? "七里河区" : district.strip();
    templateDir = templateDir == null || templateDir.isBlank() ? null : templateDir.strip();
  }
}
