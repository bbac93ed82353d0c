package org.luoshi.common;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.Arrays;
import java.util.Optional;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.apache.poi.poifs.filesystem.POIFSFileSystem;

/**
 * What a file is, judged by its content alone (magic bytes and, for ZIP and OLE2 containers, the
 * entries inside), never by the name or content type a client sends: PDF, PNG, JPEG, Word and
 * Excel (OOXML and the older OLE2 formats). Anything else is unknown.
 */
public enum FileKind {
  PDF("application/pdf", "pdf", "PDF"),
  PNG("image/png", "png", "PNG 图片"),
  JPEG("image/jpeg", "jpg", "JPEG 图片"),
  DOCX("application/vnd.openxmlformats-officedocument.wordprocessingml.document", "docx", "Word 文档"),
  XLSX("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "xlsx", "Excel 表格"),
  DOC("application/msword", "doc", "Word 97-2003 文档"),
  XLS("application/vnd.ms-excel", "xls", "Excel 97-2003 表格");

  private static final byte[] PDF_MAGIC = {'%', 'P', 'D', 'F', '-'};
  private static final byte[] PNG_MAGIC = {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A};
  private static final byte[] JPEG_MAGIC = {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF};
  private static final byte[] ZIP_MAGIC = {'P', 'K', 3, 4};
  private static final byte[] OLE2_MAGIC = {(byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0, (byte) 0xA1, (byte) 0xB1, 0x1A,
      (byte) 0xE1};
  /** A container with more entries than this is no office document (nor worth reading through). */
  private static final int MAX_ZIP_ENTRIES = 10_000;

  private final String contentType;
  private final String extension;
  private final String label;

  FileKind(String contentType, String extension, String label) {
    this.contentType = contentType;
    this.extension = extension;
    this.label = label;
  }

  public String contentType() {
    return contentType;
  }

  public String extension() {
    return extension;
  }

  /** The kind's Chinese name. */
  public String label() {
    return label;
  }

  /** The kind of the content, or empty when it is none of these. */
  public static Optional<FileKind> sniff(byte[] content) {
    if (content == null || content.length < 8) {
      return Optional.empty();
    }
    if (startsWith(content, PDF_MAGIC)) {
      return Optional.of(PDF);
    }
    if (startsWith(content, PNG_MAGIC)) {
      return Optional.of(PNG);
    }
    if (startsWith(content, JPEG_MAGIC)) {
      return Optional.of(JPEG);
    }
    if (startsWith(content, ZIP_MAGIC)) {
      return ooxml(content);
    }
    if (startsWith(content, OLE2_MAGIC)) {
      return ole2(content);
    }
    return Optional.empty();
  }

  /** A ZIP is an OOXML document when it has [Content_Types].xml and a Word or Excel main part. */
  private static Optional<FileKind> ooxml(byte[] content) {
    boolean contentTypes = false;
    FileKind kind = null;
    try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(content))) {
      ZipEntry e;
      int n = 0;
      while ((e = zip.getNextEntry()) != null && n++ < MAX_ZIP_ENTRIES) {
        String name = e.getName();
        if (name.equals("[Content_Types].xml")) {
          contentTypes = true;
        } else if (name.equals("word/document.xml")) {
          kind = DOCX;
        } else if (name.equals("xl/workbook.xml")) {
          kind = XLSX;
        }
        if (contentTypes && kind != null) {
          return Optional.of(kind);
        }
      }
    } catch (IOException | IllegalArgumentException broken) {
      return Optional.empty();
    }
    return Optional.empty();
  }

  /** An OLE2 compound file is a Word 97 document (WordDocument stream) or an Excel 97 workbook (Workbook or Book). */
  private static Optional<FileKind> ole2(byte[] content) {
    try (POIFSFileSystem fs = new POIFSFileSystem(new ByteArrayInputStream(content))) {
      var root = fs.getRoot();
      if (root.hasEntry("WordDocument")) {
        return Optional.of(DOC);
      }
      if (root.hasEntry("Workbook") || root.hasEntry("Book")) {
        return Optional.of(XLS);
      }
      return Optional.empty();
    } catch (IOException | RuntimeException broken) {
      return Optional.empty();
    }
  }

  private static boolean startsWith(byte[] content, byte[] magic) {
    return content.length >= magic.length && Arrays.equals(content, 0, magic.length, magic, 0, magic.length);
  }
}
