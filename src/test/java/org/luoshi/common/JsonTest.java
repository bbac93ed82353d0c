package org.luoshi.common;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.TimeZone;
import org.junit.jupiter.api.Test;

/** Without Spring, the stand-in mapper has application.yaml's spring.jackson settings. */
class JsonTest {

  record Sample(String name, String absent, LocalDate day, OffsetDateTime at) {}

  record Older(String name) {}

  final ObjectMapper mapper = Json.standalone();

  @Test
  void nullsAreLeftOutAndDatesAreIsoText() throws Exception {
    String json = mapper.writeValueAsString(new Sample("王磊", null, LocalDate.of(2026, 12, 31),
        OffsetDateTime.parse("2026-12-07T08:00:00+08:00")));
    assertThat(json).isEqualTo("{\"name\":\"王磊\",\"day\":\"2026-12-31\",\"at\":\"2026-12-07T08:00:00+08:00\"}");
    assertThat(mapper.getSerializationConfig().getTimeZone()).isEqualTo(TimeZone.getTimeZone("Asia/Shanghai"));
  }

  @Test
  void unknownPropertiesAreRefusedExceptInWhatLuoshiStoredItself() {
    String stored = "{\"name\":\"王磊\",\"retired\":1}";
    assertThatThrownBy(() -> mapper.readValue(stored, Older.class)).hasMessageContaining("retired");
    assertThat(Json.readStored(stored, Older.class)).isEqualTo(new Older("王磊"));
  }
}
