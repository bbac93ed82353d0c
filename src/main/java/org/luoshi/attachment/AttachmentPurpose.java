package org.luoshi.attachment;

/** What an attachment is evidence of. */
public enum AttachmentPurpose {
  PROGRESS("进展佐证"),
  COMPLETION("完成佐证"),
  RECTIFICATION("整改佐证"),
  OTHER("其他");

  private final String label;

  AttachmentPurpose(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }
}
