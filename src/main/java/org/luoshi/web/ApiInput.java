package org.luoshi.web;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import com.fasterxml.jackson.datatype.jsr310.deser.InstantDeserializer;
import com.fasterxml.jackson.datatype.jsr310.deser.LocalDateDeserializer;
import java.io.IOException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Map;
import org.luoshi.common.Inputs;
import org.springframework.boot.autoconfigure.jackson.Jackson2ObjectMapperBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.HandlerMapping;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * What /api accepts before a controller sees it. JSON bodies: numbers as JSON numbers (no "50",
 * no 2.5 for a count), enums by name (never 3 for COMMITTEE), dates and times as ISO text (never
 * 20261231), no text longer than two million characters, no body over 8 MB; the body records themselves are checked by
 * {@link org.luoshi.common.Bounded}. Query parameters and path variables: within their field's
 * length ({@link Inputs}, 200 for the rest) and free of control characters.
 */
@Configuration
class ApiInput implements WebMvcConfigurer {

  /** A JSON string longer than this is refused while it is read (the field's limit comes after). */
  static final int MAX_JSON_STRING = 2_000_000;
  static final long MAX_JSON_DOCUMENT = 8_000_000;

  @Bean
  Jackson2ObjectMapperBuilderCustomizer strictJsonInput() {
    return builder -> builder
        .featuresToEnable(DeserializationFeature.FAIL_ON_NUMBERS_FOR_ENUMS,
            DeserializationFeature.FAIL_ON_TRAILING_TOKENS,
            DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
        .featuresToDisable(DeserializationFeature.ACCEPT_FLOAT_AS_INT, MapperFeature.ALLOW_COERCION_OF_SCALARS)
        .deserializerByType(LocalDate.class, new TextOnly<>(LocalDate.class, LocalDateDeserializer.INSTANCE))
        .deserializerByType(OffsetDateTime.class,
            new TextOnly<>(OffsetDateTime.class, InstantDeserializer.OFFSET_DATE_TIME))
        .postConfigurer(mapper -> {
          mapper.setDefaultLeniency(false); // a LocalDate is ISO text, not a number of days
          mapper.getFactory().setStreamReadConstraints(StreamReadConstraints.builder()
              .maxStringLength(MAX_JSON_STRING)
              .maxDocumentLength(MAX_JSON_DOCUMENT)
              .maxNestingDepth(64)
              .build());
        });
  }

  /**
   * A date or time only as ISO text: Jackson would also take 20261231 as the 20,261,231st day after
   * 1970 (year 57443) and [2026, 12, 31] as a date.
   */
  static final class TextOnly<T> extends StdScalarDeserializer<T> {

    private final JsonDeserializer<T> iso;

    TextOnly(Class<T> type, JsonDeserializer<T> iso) {
      super(type);
      this.iso = iso;
    }

    @Override
    @SuppressWarnings("unchecked")
    public T deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
      if (!p.hasToken(JsonToken.VALUE_STRING)) {
        return (T) ctxt.handleUnexpectedToken(handledType(), p);
      }
      return iso.deserialize(p, ctxt);
    }
  }

  @Override
  public void addInterceptors(InterceptorRegistry registry) {
    registry.addInterceptor(new ParameterBounds()).addPathPatterns("/api/**");
  }

  /** Every query parameter and path variable of /api within its field's bounds. */
  static class ParameterBounds implements HandlerInterceptor {

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
      String scope = ApiExceptionHandler.scope(request);
      for (Map.Entry<String, String[]> p : request.getParameterMap().entrySet()) {
        for (String value : p.getValue()) {
          Inputs.text(scope, Inputs.excerpt(p.getKey()), value);
        }
      }
      if (request.getAttribute(HandlerMapping.URI_TEMPLATE_VARIABLES_ATTRIBUTE) instanceof Map<?, ?> variables) {
        variables.forEach((name, value) -> Inputs.text(scope, String.valueOf(name), String.valueOf(value)));
      }
      return true;
    }
  }
}
