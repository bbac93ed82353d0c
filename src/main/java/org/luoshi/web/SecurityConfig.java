package org.luoshi.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.rest.security.auth.ProcessEngineAuthenticationFilter;
import org.camunda.bpm.engine.rest.security.auth.impl.HttpBasicAuthenticationProvider;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Nothing of Luoshi's data is open: /engine-rest and /api answer 401 without HTTP basic
 * credentials. The webapps (Tasklist, Cockpit, Admin) keep their own session login, CSRF filter
 * and login throttling.
 */
@Configuration
class SecurityConfig {

  @Bean
  FilterRegistrationBean<ProcessEngineAuthenticationFilter> engineRestAuthentication() {
    var registration = new FilterRegistrationBean<>(new ProcessEngineAuthenticationFilter());
    registration.setName("camunda-rest-auth");
    registration.addInitParameter(
        ProcessEngineAuthenticationFilter.AUTHENTICATION_PROVIDER_PARAM,
        HttpBasicAuthenticationProvider.class.getName());
    registration.addUrlPatterns("/engine-rest/*");
    registration.setOrder(10);
    return registration;
  }

  /** Whatever reaches Camunda's REST APIs is a person's input: the engine guard checks its commands. */
  @Bean
  FilterRegistrationBean<PersonCallFilter> personCalls() {
    var registration = new FilterRegistrationBean<>(new PersonCallFilter());
    registration.setName("luoshi-person-calls");
    registration.addUrlPatterns("/engine-rest/*", "/camunda/api/*");
    registration.setOrder(5);
    return registration;
  }

  @Bean
  FilterRegistrationBean<ApiAuthenticationFilter> apiAuthentication(
      IdentityService identity, ObjectMapper json) {
    var registration = new FilterRegistrationBean<>(new ApiAuthenticationFilter(identity, json));
    registration.setName("luoshi-api-auth");
    registration.addUrlPatterns("/api/*");
    registration.setOrder(11);
    return registration;
  }
}
