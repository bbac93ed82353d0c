package org.luoshi.common;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/** File names of downloads: a Content-Disposition with an ASCII fallback and the real name per RFC 5987. */
public final class Filenames {

  private Filenames() {}

  /**
   * {@code attachment; filename="file.pdf"; filename*=UTF-8''%E8%AF%81%E6%98%8E.pdf} (or {@code inline}): the
   * fallback keeps the name's ASCII letters, digits, dots, hyphens and underscores and its extension.
   */
  public static String contentDisposition(boolean inline, String name) {
    String clean = clean(name);
    StringBuilder ascii = new StringBuilder();
    for (char c : clean.toCharArray()) {
      ascii.append(c < 128 && (Character.isLetterOrDigit(c) || c == '.' || c == '-' || c == '_') ? c : '_');
    }
    String encoded = URLEncoder.encode(clean, StandardCharsets.UTF_8).replace("+", "%20");
    return (inline ? "inline" : "attachment") + "; filename=\"" + ascii + "\"; filename*=UTF-8''" + encoded;
  }

  /**
   * A name as a client sent it, made safe to keep and show: no directories (the part after the last slash
   * or backslash), no control characters or quotes, at most 200 characters (the extension kept); "附件" when
   * nothing is left.
   */
  public static String clean(String name) {
    String n = name == null ? "" : name;
    n = n.substring(Math.max(n.lastIndexOf('/'), n.lastIndexOf('\\')) + 1);
    StringBuilder b = new StringBuilder();
    n.codePoints().filter(c -> !Character.isISOControl(c) && c != '"' && Character.getType(c) != Character.FORMAT)
        .forEach(b::appendCodePoint);
    n = b.toString().strip();
    if (n.length() > 200) {
      int dot = n.lastIndexOf('.');
      String ext = dot > 0 && n.length() - dot <= 10 ? n.substring(dot) : "";
      n = n.substring(0, 200 - ext.length()) + ext;
    }
    return n.isEmpty() || n.equals(".") || n.equals("..") ? "附件" : n;
  }
}
