package org.luoshi.item;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.camunda.bpm.engine.variable.value.TypedValue;
import org.junit.jupiter.api.Test;
import org.luoshi.common.Json;
import org.luoshi.identity.Person;

/**
 * The Json variables the forms read (processes/forms/*.form: the responsible-person select's
 * options, the review table's rows) keep the text they had when they were concatenated by hand.
 */
class ItemJsonVariablesTest {

  private static String text(Object typed) {
    return ((TypedValue) typed).getValue().toString();
  }

  @Test
  void memberOptionsAreLabelAndValueInThatOrder() {
    Object options = ItemVariables.memberOptions(List.of(new Person("t1a", "张三", null),
        new Person("t\"1b", "李\\四\n", null)));
    assertThat(text(options)).isEqualTo(
        "[{\"label\":\"张三（t1a）\",\"value\":\"t1a\"},"
            + "{\"label\":\"李\\\\四\\n（t\\\"1b）\",\"value\":\"t\\\"1b\"}]");
    assertThat(text(ItemVariables.memberOptions(List.of()))).isEqualTo("[]");
  }

  @Test
  void theReviewHistoryGrowsByOneRowWithTheFormsPropertyNames() throws Exception {
    var first = new ReviewListener.HistoryEntry("督查室核验", "王五", "通过", "85", "", "2026-03-02 09:00");
    String once = Json.write(ReviewListener.withEntry(null, first));
    assertThat(once).isEqualTo("[{\"level\":\"督查室核验\",\"reviewer\":\"王五\",\"result\":\"通过\",\"score\":\"85\","
        + "\"comment\":\"\",\"at\":\"2026-03-02 09:00\"}]");
    assertThat(Json.write(ReviewListener.withEntry("[]", first))).isEqualTo(once);

    var second = new ReviewListener.HistoryEntry("分管领导审核", "赵六", "退回", "—", "请补充\"佐证\"\t材料", "2026-03-03 10:30");
    String twice = Json.write(ReviewListener.withEntry(once, second));
    assertThat(twice).isEqualTo(once.substring(0, once.length() - 1)
        + ",{\"level\":\"分管领导审核\",\"reviewer\":\"赵六\",\"result\":\"退回\",\"score\":\"—\","
        + "\"comment\":\"请补充\\\"佐证\\\"\\t材料\",\"at\":\"2026-03-03 10:30\"}]");
    assertThat(Json.tree(twice).get(1).get("comment").asText()).isEqualTo("请补充\"佐证\"\t材料");
  }
}
