package org.luoshi.web;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.databind.JsonMappingException;
import jakarta.annotation.Priority;
import jakarta.ws.rs.core.FeatureContext;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.rest.exception.RestException;
import org.glassfish.jersey.internal.spi.ForcedAutoDiscoverable;

/**
 * Puts {@link EngineRestErrors} in front of Camunda's own exception mappers in every Jersey
 * application of the server (/engine-rest and the webapps' APIs): one mapper per exception type
 * Camunda maps, each preferred over Camunda's by its priority. Loaded through
 * {@code META-INF/services/org.glassfish.jersey.internal.spi.ForcedAutoDiscoverable}.
 */
public final class EngineRestMappers implements ForcedAutoDiscoverable {

  /** Ahead of Camunda's mappers, which carry no priority (Priorities.USER). */
  static final int FIRST = 1;

  @Override
  public void configure(FeatureContext context) {
    if (!context.getConfiguration().isRegistered(AnyFailure.class)) {
      context.register(AnyFailure.class, FIRST);
      context.register(EngineFailure.class, FIRST);
      context.register(RestFailure.class, FIRST);
      context.register(JsonFailure.class, FIRST);
      context.register(JsonSyntaxFailure.class, FIRST);
    }
  }

  @Priority(FIRST)
  public static final class AnyFailure implements ExceptionMapper<Throwable> {
    @Override
    public Response toResponse(Throwable e) {
      return EngineRestErrors.respond(e);
    }
  }

  @Priority(FIRST)
  public static final class EngineFailure implements ExceptionMapper<ProcessEngineException> {
    @Override
    public Response toResponse(ProcessEngineException e) {
      return EngineRestErrors.respond(e);
    }
  }

  @Priority(FIRST)
  public static final class RestFailure implements ExceptionMapper<RestException> {
    @Override
    public Response toResponse(RestException e) {
      return EngineRestErrors.respond(e);
    }
  }

  @Priority(FIRST)
  public static final class JsonFailure implements ExceptionMapper<JsonMappingException> {
    @Override
    public Response toResponse(JsonMappingException e) {
      return EngineRestErrors.respond(e);
    }
  }

  @Priority(FIRST)
  public static final class JsonSyntaxFailure implements ExceptionMapper<JsonParseException> {
    @Override
    public Response toResponse(JsonParseException e) {
      return EngineRestErrors.respond(e);
    }
  }
}
