package org.luoshi.item;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

/** The derived overdue flag and warning light (红黄绿灯) of an item, its overdue date and progress. */
class ItemTest {

  static Item item(String issued, String deadline) {
    return new Item("ZR-2026-0001", "事项", ItemSource.KEY_TASK, ItemCategory.OTHER, "T1", "leader1", "目标",
        LocalDate.parse(issued), LocalDate.parse(deadline), null, "office1", Instant.now());
  }

  static LocalDate d(String s) {
    return LocalDate.parse(s);
  }

  @Test
  void greenUntilThreeDaysBeforeTheDeadlineThenYellowThenRedAfterIt() {
    Item i = item("2026-06-01", "2026-06-30");
    i.accept();
    i.reportProgress(100, d("2026-06-01")); // no lag
    assertThat(i.light(d("2026-06-26"))).isEqualTo(Light.GREEN);
    assertThat(i.light(d("2026-06-27"))).isEqualTo(Light.YELLOW);
    assertThat(i.light(d("2026-06-30"))).isEqualTo(Light.YELLOW);
    assertThat(i.isOverdue(d("2026-06-30"))).as("the deadline ends at 24:00").isFalse();
    assertThat(i.light(d("2026-07-01"))).isEqualTo(Light.RED);
    assertThat(i.isOverdue(d("2026-07-01"))).isTrue();
  }

  @Test
  void progressUnderSeventyPercentOfTheElapsedShareTurnsYellow() {
    // 100 days: with 35% reported, lag begins when elapsed > 35 × 100 / 70 = 50 days
    Item i = item("2026-01-01", "2026-04-11");
    i.accept();
    i.reportProgress(35, d("2026-01-31"));
    assertThat(i.light(d("2026-02-20"))).as("day 50").isEqualTo(Light.GREEN);
    assertThat(i.light(d("2026-02-21"))).as("day 51").isEqualTo(Light.YELLOW);
    i.reportProgress(70, d("2026-02-21"));
    assertThat(i.light(d("2026-02-21"))).isEqualTo(Light.GREEN);
    assertThat(i.light(d("2026-04-11"))).as("day 100 (deadline)").isEqualTo(Light.YELLOW);
  }

  @Test
  void noProgressAtAllLagsFromTheSecondDay() {
    Item i = item("2026-01-01", "2026-04-11");
    assertThat(i.light(d("2026-01-01"))).isEqualTo(Light.GREEN);
    assertThat(i.light(d("2026-01-02"))).isEqualTo(Light.YELLOW);
  }

  @Test
  void submittedClosedAndCancelledItemsCarryNoLightAndAreNeverOverdue() {
    Item i = item("2026-06-01", "2026-06-10");
    i.accept();
    i.submitCompletion(d("2026-06-15"), "完成", d("2026-06-15"));
    assertThat(i.getDaysLate()).isEqualTo(5);
    assertThat(i.light(d("2026-06-20"))).isNull();
    assertThat(i.isOverdue(d("2026-06-20"))).isFalse();
    i.reopen();
    assertThat(i.isOverdue(d("2026-06-20"))).isTrue();
  }

  @Test
  void anItemIsOverdueFromTheDayAfterItsDeadlineEvenWhenTheNoticeRunsLater() {
    Item late = item("2026-11-01", "2026-11-29");
    assertThat(late.markOverdue(d("2026-12-02"))).isTrue(); // migrated with the deadline past, or a late timer
    assertThat(late.getOverdueSince()).isEqualTo(d("2026-11-30"));
    assertThat(late.markOverdue(d("2026-12-03"))).as("recorded once").isFalse();
    assertThat(late.getOverdueSince()).isEqualTo(d("2026-11-30"));

    Item onTime = item("2026-11-01", "2026-11-29");
    onTime.markOverdue(d("2026-11-30")); // the timer at 24:00 of the deadline day
    assertThat(onTime.getOverdueSince()).isEqualTo(d("2026-11-30"));
  }

  @Test
  void aClosedItemIsAHundredPercentDoneWhateverTheLastReportSaid() {
    Item i = item("2026-06-01", "2026-06-30");
    i.accept();
    i.reportProgress(40, d("2026-06-10"));
    i.submitCompletion(d("2026-06-20"), "完成", d("2026-06-20"));
    assertThat(i.getProgressPercent()).isEqualTo(40);
    i.close(new java.math.BigDecimal("90"), new java.math.BigDecimal("93.0"), Instant.now());
    assertThat(i.getStatus()).isEqualTo(ItemStatus.CLOSED);
    assertThat(i.getProgressPercent()).isEqualTo(100);
  }

  @Test
  void anExtensionMovesTheDeadlineAndKeepsTheOriginal() {
    Item i = item("2026-06-01", "2026-06-10");
    i.extendTo(d("2026-07-10"));
    assertThat(i.getDeadline()).isEqualTo(d("2026-07-10"));
    assertThat(i.getOriginalDeadline()).isEqualTo(d("2026-06-10"));
    assertThat(i.isExtended()).isTrue();
  }

  @Test
  void theFirstProgressReportOrCompletionIsTheReply() {
    Item i = item("2026-06-01", "2026-06-30");
    i.reportProgress(10, d("2026-06-03"));
    i.reportProgress(20, d("2026-06-05"));
    assertThat(i.getRepliedOn()).isEqualTo(d("2026-06-03"));
  }
}
