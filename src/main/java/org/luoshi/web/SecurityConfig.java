package org.luoshi.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.DispatcherType;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.rest.security.auth.ProcessEngineAuthenticationFilter;
import org.camunda.bpm.engine.rest.security.auth.impl.HttpBasicAuthenticationProvider;
import org.luoshi.engine.Privileged;
import org.luoshi.identity.LoginThrottle;
import org.luoshi.identity.Organisation;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

/**
 * Nothing of Luoshi's data is open: /engine-rest and /api answer 401 without HTTP basic
 * credentials. The webapps (Tasklist, Cockpit, Admin) keep their own session login and CSRF filter.
 * In front of them (docs/SECURITY.md): login throttling on every login path, the Object variable
 * allow-list, identity/verify for administrators only, the user directory without others' e-mail,
 * and the webapps' plugin APIs for the webapp's users only.
 */
@Configuration
class SecurityConfig {

  /** Security headers on every answer, the error pages' included. */
  @Bean
  FilterRegistrationBean<SecurityHeaders> securityHeaders() {
    var registration = new FilterRegistrationBean<>(new SecurityHeaders());
    registration.setName("luoshi-security-headers");
    registration.addUrlPatterns("/*");
    registration.setDispatcherTypes(DispatcherType.REQUEST, DispatcherType.ERROR, DispatcherType.FORWARD,
        DispatcherType.ASYNC);
    registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
    return registration;
  }

  @Bean
  FilterRegistrationBean<LoginThrottleFilter> loginThrottleFilter(LoginThrottle throttle) {
    var registration = new FilterRegistrationBean<>(new LoginThrottleFilter(throttle));
    registration.setName("luoshi-login-throttle");
    registration.addUrlPatterns("/engine-rest/*", "/api/*", "/camunda/api/*");
    registration.setOrder(5);
    return registration;
  }

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

  /** A negative page of a query answers 400 before any query runs. */
  @Bean
  FilterRegistrationBean<EnginePaging> enginePaging() {
    var registration = new FilterRegistrationBean<>(new EnginePaging());
    registration.setName("luoshi-engine-paging");
    registration.addUrlPatterns("/engine-rest/*", "/camunda/api/*");
    registration.setOrder(16);
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

  /** Object variables naming a class off the allow-list answer 400 before the engine sees them. */
  @Bean
  FilterRegistrationBean<ObjectVariableGuard> objectVariableGuard() {
    var registration = new FilterRegistrationBean<>(new ObjectVariableGuard());
    registration.setName("luoshi-object-variables");
    registration.addUrlPatterns("/engine-rest/*", "/camunda/api/engine/*");
    registration.setOrder(12);
    return registration;
  }

  @Bean
  FilterRegistrationBean<IdentityVerifyGuard> identityVerifyGuard(IdentityService identity, Organisation organisation) {
    var registration = new FilterRegistrationBean<>(new IdentityVerifyGuard(identity, organisation));
    registration.setName("luoshi-identity-verify");
    registration.addUrlPatterns("/engine-rest/*", "/camunda/api/engine/*");
    registration.setOrder(13);
    return registration;
  }

  @Bean
  FilterRegistrationBean<UserDirectoryFilter> userDirectory(IdentityService identity, Organisation organisation) {
    var registration = new FilterRegistrationBean<>(new UserDirectoryFilter(identity, organisation));
    registration.setName("luoshi-user-directory");
    registration.addUrlPatterns("/engine-rest/*", "/camunda/api/engine/*");
    registration.setOrder(14);
    return registration;
  }

  @Bean
  FilterRegistrationBean<WebappApiGuard> webappApiGuard(AuthorizationService authorizations,
      Organisation organisation, Privileged privileged) {
    var registration = new FilterRegistrationBean<>(new WebappApiGuard(authorizations, organisation, privileged));
    registration.setName("luoshi-webapp-api");
    registration.addUrlPatterns("/camunda/api/cockpit/*", "/camunda/api/admin/*");
    registration.setOrder(15);
    return registration;
  }
}
