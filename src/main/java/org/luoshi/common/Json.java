package org.luoshi.common;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.util.TimeZone;
import org.springframework.http.converter.json.Jackson2ObjectMapperBuilder;
import org.springframework.stereotype.Component;

/**
 * Luoshi's one JSON mapper: Spring's {@link ObjectMapper} (application.yaml's {@code spring.jackson}:
 * Asia/Shanghai, non-null properties only, ISO dates, unknown properties refused; web/ApiInput's
 * strict input and size limits), so what /api writes and what Luoshi stores or puts into process
 * variables read alike. Static, because the engine's side (delegates, {@code Vars}, form checks,
 * servlet filters) has no injection; the bean hands Spring's mapper over when the application
 * starts. Before that — engine tests without Spring — a mapper with the same {@code spring.jackson}
 * settings stands in.
 */
@Component
public final class Json {

  private static volatile ObjectMapper mapper = standalone();

  Json(ObjectMapper spring) {
    mapper = spring;
  }

  /** The mapper itself, for trees and conversions. */
  public static ObjectMapper mapper() {
    return mapper;
  }

  /** A value as JSON text; a value that cannot be written is a programming error. */
  public static String write(Object value) {
    try {
      return mapper.writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("Cannot write JSON", e);
    }
  }

  /** JSON text Luoshi stored itself, as a value; properties it no longer knows are skipped. */
  public static <T> T readStored(String json, Class<T> type) {
    try {
      return mapper.readerFor(type).without(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).readValue(json);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("Cannot read stored JSON as " + type.getSimpleName(), e);
    }
  }

  /** JSON text as a value of a generic type; the text's faults are the caller's to explain. */
  public static <T> T read(String json, TypeReference<T> type) throws JsonProcessingException {
    return mapper.readValue(json, type);
  }

  /** JSON text as a tree; the text's faults are the caller's to explain. */
  public static JsonNode tree(String json) throws JsonProcessingException {
    return mapper.readTree(json);
  }

  /** The same settings as application.yaml's {@code spring.jackson}, for use without Spring. */
  static ObjectMapper standalone() {
    return Jackson2ObjectMapperBuilder.json()
        .timeZone(TimeZone.getTimeZone("Asia/Shanghai"))
        .serializationInclusion(JsonInclude.Include.NON_NULL)
        .featuresToEnable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
        .featuresToDisable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
        .build();
  }
}
