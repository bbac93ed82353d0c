package org.luoshi.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;

import java.lang.reflect.Method;
import org.camunda.bpm.engine.IdentityService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.core.MethodParameter;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.validation.BeanPropertyBindingResult;
import org.springframework.validation.FieldError;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/** Bean Validation's refusals in Chinese, naming the field by its label, whatever the constraint. */
class ApiExceptionHandlerTest {

  record Body(String title, String subject) {}

  private final ApiExceptionHandler handler = new ApiExceptionHandler(mock(IdentityService.class));

  @AfterEach
  void clear() {
    RequestContextHolder.resetRequestAttributes();
  }

  private ApiError refuse(String path, String field, String constraint, Object[] arguments, String message)
      throws Exception {
    RequestContextHolder.setRequestAttributes(new ServletRequestAttributes(new MockHttpServletRequest("POST", path)));
    var result = new BeanPropertyBindingResult(new Body(null, null), "body");
    result.addError(new FieldError("body", field, null, false,
        new String[] {constraint + ".body." + field, constraint}, arguments, message));
    Method m = ApiExceptionHandlerTest.class.getDeclaredMethod("refuse", String.class, String.class, String.class,
        Object[].class, String.class);
    return handler.invalid(new MethodArgumentNotValidException(new MethodParameter(m, 0), result)).getBody();
  }

  @Test
  void standardConstraintsSpeakChineseAndNameTheLabel() throws Exception {
    ApiError notNull = refuse("/api/items", "title", "NotNull", null, "must not be null");
    assertThat(notNull).isEqualTo(new ApiError(400, "title", "事项名称不能为空"));
    ApiError size = refuse("/api/items", "title", "Size", new Object[] {null, 200, 1}, "size must be between 1 and 200");
    assertThat(size.message()).isEqualTo("事项名称的长度或项数不符合要求（200、1）");
    assertThat(refuse("/api/items", "title", "Pattern", null, "must match").message()).isEqualTo("事项名称格式不正确");
    assertThat(refuse("/api/items", "title", "AssertTrue", null, "must be true").message()).isEqualTo("事项名称不符合要求");
  }

  @Test
  void theLabelIsThePathsProcesses() throws Exception {
    assertThat(refuse("/api/interviews", "subject", "NotBlank", null, "must not be blank").message())
        .isEqualTo("约谈事由不能为空");
    assertThat(refuse("/api/supervisions", "subject", "NotBlank", null, "must not be blank").message())
        .isEqualTo("督查主题不能为空");
  }

  @Test
  void boundedSaysItsOwnMessage() throws Exception {
    assertThat(refuse("/api/items", "title", "Bounded", null, "事项名称不能超过 200 字（现为 201 字）").message())
        .isEqualTo("事项名称不能超过 200 字（现为 201 字）");
  }
}
