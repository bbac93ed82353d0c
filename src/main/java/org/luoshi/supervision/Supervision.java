package org.luoshi.supervision;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.hibernate.annotations.BatchSize;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/**
 * One inspection (一次督查): how, what, whom, what was found and reported, and its problems.
 *
 * <p>Not final, unlike Luoshi's other entities: a problem points to its inspection lazily, through a proxy
 * of this class (EntityProxiesTest).
 */
@Entity
@Table(name = "ls_supervision")
public class Supervision {

  @Id
  @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "ls_supervision_seq")
  @SequenceGenerator(name = "ls_supervision_seq", sequenceName = "ls_supervision_seq", allocationSize = 50)
  private Long id;

  @Column(name = "process_instance_id", nullable = false, length = 64)
  private String processInstanceId;

  @Enumerated(EnumType.STRING)
  @JdbcTypeCode(SqlTypes.VARCHAR)
  @Column(nullable = false, length = 20)
  private SupervisionMethod method;

  @Column(nullable = false, length = 200)
  private String subject;

  @Enumerated(EnumType.STRING)
  @JdbcTypeCode(SqlTypes.VARCHAR)
  @Column(nullable = false, length = 20)
  private SupervisionStatus status;

  /** The units named at the start; for RANDOM the population drawn from (comma-separated). */
  @Column(name = "unit_codes", nullable = false, length = 10000)
  private String unitCodes;

  /** The units inspected: the drawn sample for RANDOM, the named units otherwise. */
  @ElementCollection
  @BatchSize(size = 50)
  @CollectionTable(name = "ls_supervision_unit", joinColumns = @JoinColumn(name = "supervision_id"))
  @OrderColumn(name = "position")
  @Column(name = "unit_code", nullable = false, length = 64)
  private List<String> inspectedUnits = new ArrayList<>();

  @Column(name = "sample_seed")
  private Long sampleSeed;

  /** JSON of {@link SampleBasis}, RANDOM only. */
  @Column(name = "sample_basis", length = 20000)
  private String sampleBasis;

  @Column(length = 20000)
  private String findings;

  @Column(length = 20000)
  private String report;

  @Column(name = "started_by", length = 64)
  private String startedBy;

  @Column(name = "started_at", nullable = false)
  private Instant startedAt;

  @Column(name = "started_on", nullable = false)
  private LocalDate startedOn;

  @Column(name = "inspected_at")
  private Instant inspectedAt;

  @Column(name = "reported_at")
  private Instant reportedAt;

  @Column(name = "reported_on")
  private LocalDate reportedOn;

  @Column(name = "closed_at")
  private Instant closedAt;

  @OneToMany(mappedBy = "supervision")
  @BatchSize(size = 50)
  @OrderBy("position")
  private List<Problem> problems = new ArrayList<>();

  @Version
  @Column(nullable = false)
  private int version;

  protected Supervision() {}

  Supervision(String processInstanceId, SupervisionMethod method, String subject, List<String> unitCodes,
      List<String> inspectedUnits, String startedBy, Instant startedAt, LocalDate startedOn) {
    this.processInstanceId = processInstanceId;
    this.method = method;
    this.subject = subject;
    this.unitCodes = String.join(",", unitCodes);
    this.inspectedUnits = new ArrayList<>(inspectedUnits);
    this.startedBy = startedBy;
    this.startedAt = startedAt;
    this.startedOn = startedOn;
    this.status = SupervisionStatus.INSPECTING;
  }

  void recordDraw(long seed, String basisJson) {
    this.sampleSeed = seed;
    this.sampleBasis = basisJson;
  }

  void recordFindings(String findings, Instant at) {
    this.findings = findings;
    this.inspectedAt = at;
    this.status = SupervisionStatus.REPORTING;
  }

  void recordReport(String report, Instant at, LocalDate on, boolean anyProblem) {
    this.report = report;
    this.reportedAt = at;
    this.reportedOn = on;
    if (anyProblem) {
      this.status = SupervisionStatus.RECTIFYING;
    } else {
      close(at);
    }
  }

  void close(Instant at) {
    this.status = SupervisionStatus.CLOSED;
    if (closedAt == null) {
      this.closedAt = at;
    }
  }

  public Long getId() {
    return id;
  }

  public String getProcessInstanceId() {
    return processInstanceId;
  }

  public SupervisionMethod getMethod() {
    return method;
  }

  public String getSubject() {
    return subject;
  }

  public SupervisionStatus getStatus() {
    return status;
  }

  public List<String> getUnitCodes() {
    return unitCodes.isEmpty() ? List.of() : Arrays.asList(unitCodes.split(","));
  }

  public List<String> getInspectedUnits() {
    return List.copyOf(inspectedUnits);
  }

  /** The drawn sample (RANDOM), or null. */
  public List<String> getSample() {
    return method == SupervisionMethod.RANDOM ? getInspectedUnits() : null;
  }

  public Long getSampleSeed() {
    return sampleSeed;
  }

  public String getSampleBasisJson() {
    return sampleBasis;
  }

  public String getFindings() {
    return findings;
  }

  public String getReport() {
    return report;
  }

  public String getStartedBy() {
    return startedBy;
  }

  public Instant getStartedAt() {
    return startedAt;
  }

  public LocalDate getStartedOn() {
    return startedOn;
  }

  public Instant getInspectedAt() {
    return inspectedAt;
  }

  public Instant getReportedAt() {
    return reportedAt;
  }

  public LocalDate getReportedOn() {
    return reportedOn;
  }

  public Instant getClosedAt() {
    return closedAt;
  }

  public List<Problem> getProblems() {
    return problems;
  }
}
