package org.luoshi.spreadsheet;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.luoshi.testsupport.Engine;
import org.luoshi.testsupport.Http;
import org.luoshi.testsupport.ItemRows;
import org.luoshi.testsupport.LuoshiIT;
import org.luoshi.testsupport.TestOrganisation;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.TestPropertySource;

/** The ledger to and from Excel: the export with the ledger's filters and visibility, the template, the import. */
@LuoshiIT
@TestPropertySource(properties = {"luoshi.import.max-rows=50", "luoshi.import.max-size=400KB"})
class SpreadsheetIT {

  static final Instant NOW = Instant.parse("2026-06-01T02:00:00Z");
  static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
  static final List<String> HEADERS = List.of("事项名称*", "事项来源*", "工作类别", "责任单位*", "分管领导*", "截止日期*",
      "工作目标*", "下发日期", "协办单位");

  @LocalServerPort int port;
  @Autowired IdentityService identity;
  @Autowired RuntimeService runtime;
  @Autowired JdbcTemplate jdbc;
  Http http;

  @BeforeEach
  void setUp() {
    TestOrganisation.create(identity);
    Engine.clock(NOW);
    http = new Http(port);
  }

  @AfterEach
  void clock() {
    Engine.resetClock();
  }

  // --- export ---------------------------------------------------------------------------------

  @Test
  void theLedgerExportsEveryMatchingRowTheCallerMaySeeWithChineseHeaders() throws IOException {
    for (int i = 1; i <= 1203; i++) { // ids clear of the items the other tests issue
      ItemRows.insert(jdbc, 1_000_000 + i, i % 3 == 0 ? "T2" : "T1", null, i % 5 == 0 ? "CLOSED" : "IN_PROGRESS", null, null, null,
          NOW);
    }
    Http.Download all = http.as("office1").download("/api/items.xlsx");
    assertThat(all.status()).isEqualTo(200);
    assertThat(all.header("Content-Type")).isEqualTo(XLSX);
    assertThat(all.header("Content-Disposition")).startsWith("attachment; filename=\"")
        .contains("filename*=UTF-8''%E8%B4%A3%E4%BB%BB%E6%B8%85%E5%8D%95%E5%8F%B0%E8%B4%A6-20260601.xlsx");
    List<List<String>> rows = rows(all.body());
    assertThat(rows.get(0)).containsExactly("编号", "事项名称", "事项来源", "工作类别", "责任单位", "协办单位", "分管领导", "责任人",
        "下发日期", "截止日期", "状态", "是否逾期", "是否延期", "红黄绿灯", "完成进度（%）", "综合得分", "上级事项编号");
    assertThat(rows).hasSize(1204); // past the batch of 1,000, every row once, newest (highest id) first
    assertThat(rows.subList(1, rows.size()).stream().map(r -> r.get(0)).distinct().count()).isEqualTo(1203);
    assertThat(rows.get(1).get(0)).isEqualTo("ZR-2026-1001203");
    assertThat(rows.get(1)).contains("测试二局", "分管一", "落实中", "2026-01-05", "2026-03-31");

    // the ledger's filters: the same rows as GET /api/items
    Http.Download closedT1 = http.as("office1").download("/api/items.xlsx?unitCode=T1&status=CLOSED");
    long expected = http.as("office1").get("/api/items?unitCode=T1&status=CLOSED").json().get("totalElements").asLong();
    assertThat(rows(closedT1.body())).hasSize((int) expected + 1);
    assertThat(rows(closedT1.body()).subList(1, (int) expected + 1)).allSatisfy(r -> {
      assertThat(r.get(4)).isEqualTo("测试一局");
      assertThat(r.get(10)).isEqualTo("已销号");
    });
    // a unit member only her unit's rows, a leader who leads none nothing
    List<List<String>> t2 = rows(http.as("t2a").download("/api/items.xlsx").body());
    assertThat(t2).hasSize(402);
    assertThat(t2.subList(1, t2.size())).allSatisfy(r -> assertThat(r.get(4)).isEqualTo("测试二局"));
    assertThat(rows(http.as("leader2").download("/api/items.xlsx").body())).hasSize(1);
    // the filters' bad input as on the ledger; no login 401
    Http.Download bad = http.as("office1").download("/api/items.xlsx?status=DONE");
    assertThat(bad.status()).isEqualTo(400);
    assertThat(bad.text()).contains("\"field\":\"status\"");
    assertThat(http.anonymous().download("/api/items.xlsx").status()).isEqualTo(401);
  }

  // --- template -------------------------------------------------------------------------------

  @Test
  void theTemplateHasTheHeadersAndListsOfUnitsAndLeadersByName() throws IOException {
    Http.Download t = http.as("office1").download("/api/items/import/template.xlsx");
    assertThat(t.status()).isEqualTo(200);
    assertThat(t.header("Content-Type")).isEqualTo(XLSX);
    try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(t.body()))) {
      assertThat(wb.getSheetName(0)).isEqualTo("责任清单");
      List<String> head = new ArrayList<>();
      wb.getSheetAt(0).getRow(0).forEach(c -> head.add(c.getStringCellValue()));
      assertThat(head).isEqualTo(HEADERS);
      assertThat(wb.getSheetAt(0).getDataValidations()).hasSize(4);
      Sheet options = wb.getSheet("选项");
      List<String> units = new ArrayList<>();
      List<String> leaders = new ArrayList<>();
      options.forEach(r -> {
        if (r.getCell(2) != null) units.add(r.getCell(2).getStringCellValue());
        if (r.getCell(3) != null) leaders.add(r.getCell(3).getStringCellValue());
      });
      assertThat(units).contains("测试一局", "测试二局", "测试街道");
      assertThat(leaders).contains("分管一", "分管二");
      assertThat(wb.getSheet("填写说明")).isNotNull();
    }
    // the template of an empty spreadsheet is refused as such: it holds no items
    Http.Response empty = http.as("office1").upload("/api/items/import", "file", "模板.xlsx", XLSX, t.body(), Map.of());
    assertThat(empty.status()).isEqualTo(400);
    assertThat(empty.json().get("message").asText()).contains("没有事项");
    assertThat(http.as("t1a").download("/api/items/import/template.xlsx").status()).isEqualTo(403);
  }

  // --- import ---------------------------------------------------------------------------------

  @Test
  void aPreviewNamesEveryBadFieldOfEveryRowInChineseAndIssuesNothing() throws IOException {
    long before = items();
    byte[] file = sheet(List.of(
        row("推进就业创业", "重点工作", "社会治理", "测试一局", "分管一", "2026-12-31", "新增就业 3000 人", ""),
        row("", "重点工作", "", "不存在局", "t1a", "明年", "目标", ""),
        row("老旧小区改造", "领导指示", "", "T2", "没有此人", "2026-02-30", "", "2026-07-01")));
    Http.Response r = http.as("office1").upload("/api/items/import", "file", "清单.xlsx", XLSX, file, Map.of());
    assertThat(r.status()).as(r.toString()).isEqualTo(200);
    JsonNode p = r.json();
    assertThat(p.get("token").asText()).isNotBlank();
    JsonNode rows = p.get("rows");
    assertThat(rows).hasSize(3);
    assertThat(rows.get(0).get("row").asInt()).isEqualTo(2);
    assertThat(rows.get(0).get("ok").asBoolean()).isTrue();
    assertThat(rows.get(0).get("item").get("unitCode").asText()).isEqualTo("T1");
    assertThat(rows.get(0).get("item").get("leadLeader").asText()).isEqualTo("leader1");
    assertThat(rows.get(0).get("item").get("category").asText()).isEqualTo("GOVERNANCE");
    assertThat(errors(rows.get(1))).containsEntry("title", "事项名称不能为空")
        .containsEntry("unitCode", "没有这个责任单位：不存在局")
        .containsEntry("leadLeader", "分管领导须是区级分管领导（leaders）成员：t1a")
        .containsEntry("deadline", "截止日期不是有效的日期：明年（应为 2026-12-31）");
    assertThat(errors(rows.get(2))).containsKeys("source", "leadLeader", "deadline", "target", "issuedOn")
        .doesNotContainKey("unitCode"); // a unit by its code
    assertThat(errors(rows.get(2)).get("issuedOn")).isEqualTo("下发日期不能晚于今天（2026-06-01）");
    assertThat(errors(rows.get(2)).get("leadLeader")).isEqualTo("没有这个分管领导：没有此人");
    assertThat(p.get("ready").asBoolean()).isFalse();
    assertThat(items()).isEqualTo(before);

    // a preview with errors cannot be confirmed
    Http.Response confirm = http.as("office1").post("/api/items/import/" + p.get("token").asText(), Map.of());
    assertThat(confirm.status()).isEqualTo(409);
    assertThat(confirm.json().get("message").asText()).contains("有错误的行");
    assertThat(items()).isEqualTo(before);
  }

  @Test
  void aConfirmedPreviewIssuesEachRowAsPostApiItemsDoesOnceOnly() throws IOException {
    long before = items();
    byte[] file = sheet(List.of(
        row("推进就业创业", "重点工作", "社会治理", "测试一局", "分管一", "2026-12-31", "新增就业 3000 人", ""),
        row("落实区委常委会议定事项", "COMMITTEE", "", "T2", "leader2", "2026-05-20", "按期完成", "2026-03-02")));
    JsonNode p = http.as("office1").upload("/api/items/import", "file", "清单.xlsx", XLSX, file, Map.of()).json();
    assertThat(p.get("ready").asBoolean()).as(p.toString()).isTrue();
    String token = p.get("token").asText();
    assertThat(items()).isEqualTo(before);

    // the token is the office user's own; a unit may not import at all
    assertThat(http.as("office2").post("/api/items/import/" + token, Map.of()).status()).isEqualTo(404);
    assertThat(http.as("t1a").post("/api/items/import/" + token, Map.of()).status()).isEqualTo(403);
    assertThat(http.as("t1a").upload("/api/items/import", "file", "清单.xlsx", XLSX, file, Map.of()).status())
        .isEqualTo(403);
    assertThat(http.as("office1").post("/api/items/import/no-such-token", Map.of()).status()).isEqualTo(404);

    Http.Response r = http.as("office1").post("/api/items/import/" + token, Map.of());
    assertThat(r.status()).as(r.toString()).isEqualTo(201);
    List<String> codes = new ArrayList<>();
    r.json().get("created").forEach(c -> codes.add(c.asText()));
    assertThat(codes).hasSize(2);
    JsonNode first = http.as("office1").get("/api/items/" + codes.get(0)).json();
    assertThat(first.get("title").asText()).isEqualTo("推进就业创业");
    assertThat(first.get("category").asText()).isEqualTo("GOVERNANCE");
    assertThat(first.get("issuedOn").asText()).isEqualTo("2026-06-01");
    assertThat(first.get("issuedBy").asText()).isEqualTo("office1");
    assertThat(first.get("processInstanceId").asText()).isNotBlank();
    // a migrated item keeps its issue date and is overdue at once (DESIGN.md §4.1)
    JsonNode migrated = http.as("office1").get("/api/items/" + codes.get(1)).json();
    assertThat(codes.get(1)).startsWith("ZR-2026-");
    assertThat(migrated.get("issuedOn").asText()).isEqualTo("2026-03-02");
    assertThat(migrated.get("overdue").asBoolean()).isTrue();
    assertThat(runtime.createProcessInstanceQuery().processInstanceBusinessKey(codes.get(1)).count()).isEqualTo(1);

    Http.Response again = http.as("office1").post("/api/items/import/" + token, Map.of());
    assertThat(again.status()).isEqualTo(409);
    assertThat(again.json().get("message").asText()).contains("不能重复导入");
    assertThat(items()).isEqualTo(before + 2);
  }

  @Test
  void aFileThatIsNoSpreadsheetTooLargeTooLongOrWithFormulasIsRefusedAndNothingIsKept() throws IOException {
    long before = items();
    long previewsBefore = previews();
    byte[] pdf = "%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF".getBytes();
    Http.Response notXlsx = http.as("office1").upload("/api/items/import", "file", "清单.xlsx", XLSX, pdf, Map.of());
    assertThat(notXlsx.status()).isEqualTo(400);
    assertThat(notXlsx.json().get("field").asText()).isEqualTo("file");
    assertThat(notXlsx.json().get("message").asText()).contains("不是 Excel 表格");

    byte[] big = new byte[500 * 1024];
    System.arraycopy(sheet(List.of()), 0, big, 0, 100);
    Http.Response tooBig = http.as("office1").upload("/api/items/import", "file", "清单.xlsx", XLSX, big, Map.of());
    assertThat(tooBig.status()).isEqualTo(400);
    assertThat(tooBig.json().get("field").asText()).isEqualTo("file");
    assertThat(tooBig.json().get("message").asText()).isEqualTo("文件不能超过 0.4 MB（收到 0.5 MB）");

    List<List<Object>> many = new ArrayList<>();
    for (int i = 0; i < 10_000; i++) {
      many.add(row("事项" + i, "重点工作", "", "T1", "leader1", "2026-12-31", "目标", ""));
    }
    Http.Response tooLong = http.as("office1").upload("/api/items/import", "file", "清单.xlsx", XLSX, sheet(many),
        Map.of());
    assertThat(tooLong.status()).isEqualTo(400);
    assertThat(tooLong.json().get("field").asText()).isEqualTo("file");
    assertThat(tooLong.json().get("message").asText()).isEqualTo("表格有 10000 行事项，超过每次最多导入的 50 行，请分批导入");

    byte[] formula = sheet(List.of(row("推进就业创业", "重点工作", "", "T1", "leader1", "2026-12-31", "目标", "")),
        s -> s.getRow(1).getCell(6).setCellFormula("CONCATENATE(\"新增\",\"就业\")"));
    Http.Response withFormula = http.as("office1").upload("/api/items/import", "file", "清单.xlsx", XLSX, formula,
        Map.of());
    assertThat(withFormula.status()).isEqualTo(400);
    assertThat(withFormula.json().get("message").asText()).startsWith("第 2 行 G 列是公式");

    Http.Response noFile = http.as("office1").upload("/api/items/import", "file", "x", XLSX, null, Map.of("a", "b"));
    assertThat(noFile.status()).isEqualTo(400);
    assertThat(noFile.json().get("field").asText()).isEqualTo("file");
    Http.Response json = http.as("office1").post("/api/items/import", Map.of("file", "x"));
    assertThat(json.status()).isEqualTo(400);

    byte[] wrongHeader = sheet(List.of(row("a", "重点工作", "", "T1", "leader1", "2026-12-31", "目标", "")),
        s -> s.getRow(0).getCell(1).setCellValue("来源"));
    Http.Response header = http.as("office1").upload("/api/items/import", "file", "清单.xlsx", XLSX, wrongHeader,
        Map.of());
    assertThat(header.status()).isEqualTo(400);
    assertThat(header.json().get("message").asText()).contains("第 1 行 B 列的表头“来源”不是模板中的列");

    assertThat(previews()).isEqualTo(previewsBefore);
    assertThat(items()).isEqualTo(before);
  }

  // --- helpers --------------------------------------------------------------------------------

  private long previews() {
    return jdbc.queryForObject("select count(*) from ls_import_preview", Long.class);
  }

  private long items() {
    return jdbc.queryForObject("select count(*) from ls_item", Long.class);
  }

  @Test
  void theColumnCoUnitsIsCheckedPerRowImportedAndExported() throws IOException {
    long before = items();
    byte[] bad = sheet(List.of(
        row("协办一", "重点工作", "", "测试一局", "分管一", "2026-12-31", "目标", "", "测试二局、不存在局"),
        row("协办二", "重点工作", "", "测试一局", "分管一", "2026-12-31", "目标", "", "T1"),
        row("协办三", "重点工作", "", "测试一局", "分管一", "2026-12-31", "目标", "", "测试二局,T2")));
    JsonNode p = http.as("office1").upload("/api/items/import", "file", "清单.xlsx", XLSX, bad, Map.of()).json();
    JsonNode rows = p.get("rows");
    assertThat(rows.get(0).get("row").asInt()).isEqualTo(2);
    assertThat(errors(rows.get(0))).containsExactly(Map.entry("coUnitCodes", "协办单位中没有这个单位：不存在局"));
    assertThat(errors(rows.get(1))).containsExactly(Map.entry("coUnitCodes", "协办单位不能是牵头的责任单位本身：测试一局"));
    assertThat(errors(rows.get(2))).containsExactly(Map.entry("coUnitCodes", "协办单位重复：测试二局"));
    assertThat(p.get("ready").asBoolean()).isFalse();
    assertThat(items()).isEqualTo(before);

    byte[] good = sheet(List.of(
        row("协办事项导入", "重点工作", "", "测试一局", "分管一", "2026-12-31", "目标", "", "测试二局、T3")));
    JsonNode ok = http.as("office1").upload("/api/items/import", "file", "清单.xlsx", XLSX, good, Map.of()).json();
    assertThat(ok.get("ready").asBoolean()).as(ok.toString()).isTrue();
    assertThat(ok.get("rows").get(0).get("item").get("coUnitNames").toString()).isEqualTo("[\"测试二局\",\"测试街道\"]");
    Http.Response r = http.as("office1").post("/api/items/import/" + ok.get("token").asText(), Map.of());
    assertThat(r.status()).as(r.toString()).isEqualTo(201);
    String code = r.json().get("created").get(0).asText();
    JsonNode item = http.as("office1").get("/api/items/" + code).json();
    assertThat(item.get("coUnitCodes").toString()).isEqualTo("[\"T2\",\"T3\"]");

    List<List<String>> export = rows(http.as("office1").download("/api/items.xlsx?coUnitCode=T3").body());
    List<String> exported = export.stream().filter(x -> x.get(0).equals(code)).findFirst().orElseThrow();
    assertThat(exported.get(4)).isEqualTo("测试一局");
    assertThat(exported.get(5)).isEqualTo("测试二局、测试街道");
  }

  static List<Object> row(Object... values) {
    return List.of(values);
  }

  static byte[] sheet(List<List<Object>> rows) throws IOException {
    return sheet(rows, s -> { });
  }

  /** A spreadsheet as the office fills in the template: the headers, then a row per item (text cells). */
  static byte[] sheet(List<List<Object>> rows, java.util.function.Consumer<Sheet> change) throws IOException {
    try (XSSFWorkbook wb = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
      Sheet s = wb.createSheet("责任清单");
      Row head = s.createRow(0);
      for (int i = 0; i < HEADERS.size(); i++) {
        head.createCell(i).setCellValue(HEADERS.get(i));
      }
      int r = 1;
      for (List<Object> values : rows) {
        Row row = s.createRow(r++);
        for (int i = 0; i < values.size(); i++) {
          Object v = values.get(i);
          if (v instanceof LocalDate d) {
            row.createCell(i).setCellValue(d);
          } else if (!"".equals(v)) {
            row.createCell(i).setCellValue(String.valueOf(v));
          }
        }
      }
      change.accept(s);
      wb.write(out);
      return out.toByteArray();
    }
  }

  static List<List<String>> rows(byte[] xlsx) throws IOException {
    try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
      List<List<String>> rows = new ArrayList<>();
      var fmt = new org.apache.poi.ss.usermodel.DataFormatter();
      for (Row row : wb.getSheetAt(0)) {
        List<String> cells = new ArrayList<>();
        for (int i = 0; i < row.getLastCellNum(); i++) {
          cells.add(fmt.formatCellValue(row.getCell(i)));
        }
        rows.add(cells);
      }
      return rows;
    }
  }

  private static Map<String, String> errors(JsonNode row) {
    Map<String, String> m = new java.util.LinkedHashMap<>();
    row.get("errors").forEach(e -> m.put(e.get("field").asText(), e.get("message").asText()));
    return m;
  }
}
