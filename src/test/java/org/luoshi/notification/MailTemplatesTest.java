package org.luoshi.notification;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class MailTemplatesTest {

  final MailTemplates templates = new MailTemplates(
      new NotificationSettings(null, "https://luoshi.example.gov.cn/", null, null, null, null, null));

  static NotificationChannel.Message message(String type, String link) {
    return new NotificationChannel.Message("t1a", "甲一", "t1a@test.example", type, "约谈通知：请按时参加",
        "约谈时间：2026年6月3日 09:30\n地点：区委三楼会议室", link, Instant.parse("2026-06-01T02:00:00Z"));
  }

  @Test
  void eachKindOfEventHasItsTemplateAndUnknownKindsTheGenericOne() {
    assertThat(templates.templateName("ITEM_ISSUED")).isEqualTo("issued");
    assertThat(templates.templateName("ITEM_ACCEPTED")).isEqualTo("accepted");
    assertThat(templates.templateName("ITEM_RETURNED")).isEqualTo("returned");
    assertThat(templates.templateName("ITEM_CHASED")).isEqualTo("reminder");
    assertThat(templates.templateName("ITEM_ESCALATED")).isEqualTo("overdue");
    assertThat(templates.templateName("ITEM_REJECTED")).isEqualTo("review-result");
    assertThat(templates.templateName("ITEM_CLOSED")).isEqualTo("closed");
    assertThat(templates.templateName("DIGEST")).isEqualTo("digest");
    assertThat(templates.templateName("INTERVIEW_NOTIFIED")).as("by its first word").isEqualTo("interview");
    assertThat(templates.templateName("SUPERVISION_PROBLEM")).isEqualTo("default");
  }

  @Test
  void anInterviewNoticeReadsAsALetterWithAnAbsoluteLink() {
    MailTemplates.Mail mail = templates.render(message("INTERVIEW_NOTIFIED", "/interviews/42"));
    assertThat(mail.subject()).isEqualTo("【落实·约谈】约谈通知：请按时参加");
    assertThat(mail.body()).startsWith("甲一同志：\n")
        .contains("约谈时间：2026年6月3日 09:30\n地点：区委三楼会议室", "请按时参加",
            "查看详情：https://luoshi.example.gov.cn/interviews/42", "通知时间：2026年6月1日 10:00",
            "此邮件由落实系统自动发送")
        .doesNotContain("{{");
  }

  @Test
  void aLineWhoseValueIsMissingIsLeftOut() {
    MailTemplates.Mail mail = templates.render(message("SUPERVISION_PROBLEM", null));
    assertThat(mail.body()).doesNotContain("查看详情").contains("通知时间：");
  }
}
