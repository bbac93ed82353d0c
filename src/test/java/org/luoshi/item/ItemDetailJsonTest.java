package org.luoshi.item;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.luoshi.common.Json;
import org.luoshi.item.ItemViews.ItemDetail;

/** ItemDetail is grouped in Java but GET /api/items/{code} stays one flat object (DESIGN.md §5). */
class ItemDetailJsonTest {

  /** The fields of GET /api/items/{code} as they were when ItemDetail was one 44-component record. */
  static final List<String> FIELDS = List.of("code", "title", "source", "sourceName", "category", "unitCode",
      "unitName", "leadLeader", "leadLeaderName", "responsiblePerson", "responsiblePersonName", "target",
      "measures", "issuedOn", "issuedBy", "deadline", "originalDeadline", "status", "statusName", "overdue",
      "overdueSince", "extended", "light", "progressPercent", "replyDue", "replyOverdue", "repliedOn",
      "completedOn", "daysLate", "timelinessScore", "qualityScore", "finalScore", "closedAt", "parentCode",
      "processInstanceId", "progress", "reviews", "extensions", "completionNote", "events", "children",
      "childProgress", "coUnitCodes", "coUnits");

  @Test
  void theDetailIsFlatWithTheSameFieldNames() throws Exception {
    LocalDate day = LocalDate.of(2026, 3, 2);
    OffsetDateTime at = OffsetDateTime.parse("2026-03-02T09:00:00+08:00");
    var detail = new ItemDetail(
        new ItemViews.Subject("ZR-2026-0001", "标题", ItemSource.KEY_TASK, "重点任务", ItemCategory.values()[0],
            "目标", "措施", "ZR-2026-0000", "pi-1"),
        new ItemViews.Parties("T1", "单位", "leader1", "领导", "t1a", "张三", "office1", List.of("T2"),
            List.of(new ItemViews.CoUnit("T2", "协办"))),
        new ItemViews.Standing(day, day, day, ItemStatus.IN_PROGRESS, "落实中", true, day, false, Light.RED, 40,
            day, false, day, day, 2, at),
        new ItemViews.Scores(BigDecimal.ONE, BigDecimal.TEN, BigDecimal.TEN),
        new ItemViews.History(List.of(), List.of(), List.of(), "说明", List.of(), List.of(),
            new ItemViews.ChildProgress(1, 1, 0, 40)));
    var json = Json.tree(Json.write(detail));
    List<String> names = new ArrayList<>();
    json.fieldNames().forEachRemaining(names::add);
    assertThat(names).containsExactlyInAnyOrderElementsOf(FIELDS);
    assertThat(json.get("unitName").asText()).isEqualTo("单位");
    assertThat(json.get("overdue").asBoolean()).isTrue();
    assertThat(json.get("childProgress").get("averagePercent").asInt()).isEqualTo(40);

    var withInterviews = Json.tree(Json.write(new ItemController.ItemWithInterviews(detail, List.of(), List.of())));
    List<String> outer = new ArrayList<>();
    withInterviews.fieldNames().forEachRemaining(outer::add);
    assertThat(outer).containsAll(FIELDS).contains("instructions", "interviews").hasSize(FIELDS.size() + 2);
  }
}
