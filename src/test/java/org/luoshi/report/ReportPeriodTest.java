package org.luoshi.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.luoshi.common.DomainException;

class ReportPeriodTest {

  @Test
  void aQuarterRunsFromItsFirstDayToTheFirstDayOfTheNext() {
    ReportPeriod p = ReportPeriod.parse("QUARTERLY_INSPECTION", "2026-Q3");
    assertThat(p.from()).isEqualTo(LocalDate.of(2026, 7, 1));
    assertThat(p.to()).isEqualTo(LocalDate.of(2026, 10, 1));
    assertThat(p.title()).isEqualTo("2026年第三季度督查报告");
  }

  @Test
  void aHalfYearRunsSixMonths() {
    ReportPeriod p = ReportPeriod.parse("half_year_circular", " 2026-h2 ");
    assertThat(p.kind()).isEqualTo(ReportKind.HALF_YEAR_CIRCULAR);
    assertThat(p.name()).isEqualTo("2026-H2");
    assertThat(p.from()).isEqualTo(LocalDate.of(2026, 7, 1));
    assertThat(p.to()).isEqualTo(LocalDate.of(2027, 1, 1));
    assertThat(p.title()).isEqualTo("2026年下半年工作落实情况通报");
  }

  @Test
  void thePeriodMustFitTheKind() {
    assertField(() -> ReportPeriod.parse("QUARTERLY_INSPECTION", "2026-H1"), "period");
    assertField(() -> ReportPeriod.parse("HALF_YEAR_CIRCULAR", "2026-Q1"), "period");
    assertField(() -> ReportPeriod.parse("HALF_YEAR_CIRCULAR", "2026"), "period");
    assertField(() -> ReportPeriod.parse("QUARTERLY_INSPECTION", "2026-Q5"), "period");
    assertField(() -> ReportPeriod.parse("QUARTERLY_INSPECTION", null), "period");
    assertField(() -> ReportPeriod.parse("QUARTERLY_INSPECTION", "1999-Q1"), "period");
  }

  @Test
  void theKindMustBeOneOfTheTwo() {
    assertField(() -> ReportPeriod.parse("ANNUAL", "2026"), "kind");
    assertField(() -> ReportPeriod.parse(" ", "2026-Q1"), "kind");
  }

  @Test
  void theTimersReportOnTheLastCompletePeriod() {
    assertThat(ReportPeriod.previous(ReportKind.QUARTERLY_INSPECTION, LocalDate.of(2026, 10, 5)).name())
        .isEqualTo("2026-Q3");
    assertThat(ReportPeriod.previous(ReportKind.QUARTERLY_INSPECTION, LocalDate.of(2027, 1, 5)).name())
        .isEqualTo("2026-Q4");
    assertThat(ReportPeriod.previous(ReportKind.QUARTERLY_INSPECTION, LocalDate.of(2026, 4, 5)).name())
        .isEqualTo("2026-Q1");
    assertThat(ReportPeriod.previous(ReportKind.HALF_YEAR_CIRCULAR, LocalDate.of(2026, 7, 5)).name())
        .isEqualTo("2026-H1");
    assertThat(ReportPeriod.previous(ReportKind.HALF_YEAR_CIRCULAR, LocalDate.of(2027, 1, 5)).name())
        .isEqualTo("2026-H2");
  }

  private static void assertField(org.assertj.core.api.ThrowableAssert.ThrowingCallable call, String field) {
    assertThatThrownBy(call).isInstanceOf(DomainException.class)
        .satisfies(e -> assertThat(((DomainException) e).field()).isEqualTo(field));
  }
}
