package org.luoshi.common;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.luoshi.attachment.Files;

class FileKindTest {

  @Test
  void eachKindIsKnownByItsContent() {
    assertThat(FileKind.sniff(Files.pdf())).contains(FileKind.PDF);
    assertThat(FileKind.sniff(Files.png())).contains(FileKind.PNG);
    assertThat(FileKind.sniff(Files.jpeg())).contains(FileKind.JPEG);
    assertThat(FileKind.sniff(Files.docx())).contains(FileKind.DOCX);
    assertThat(FileKind.sniff(Files.xlsx())).contains(FileKind.XLSX);
    assertThat(FileKind.sniff(Files.xls())).contains(FileKind.XLS);
    assertThat(FileKind.sniff(Files.doc())).contains(FileKind.DOC);
  }

  @Test
  void anythingElseIsUnknown() {
    assertThat(FileKind.sniff("<html><script>alert(1)</script></html>".getBytes())).isEmpty();
    assertThat(FileKind.sniff(Files.zip())).isEmpty();
    assertThat(FileKind.sniff(new byte[] {'P', 'K', 3, 4, 0, 0, 0, 0, 0, 0})).isEmpty();
    assertThat(FileKind.sniff(new byte[] {(byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0, (byte) 0xA1, (byte) 0xB1, 0x1A,
        (byte) 0xE1, 0, 0})).isEmpty();
    assertThat(FileKind.sniff(new byte[0])).isEmpty();
    assertThat(FileKind.sniff(null)).isEmpty();
  }

  @Test
  void aDownloadNamesTheFileForEveryBrowser() {
    assertThat(Filenames.contentDisposition(true, "完成 证明.pdf"))
        .isEqualTo("inline; filename=\"_____.pdf\"; filename*=UTF-8''%E5%AE%8C%E6%88%90%20%E8%AF%81%E6%98%8E.pdf");
    assertThat(Filenames.clean("C:\\fakepath\\a\"b\u0000.png")).isEqualTo("ab.png");
    assertThat(Filenames.clean("../..")).isEqualTo("附件");
  }
}
