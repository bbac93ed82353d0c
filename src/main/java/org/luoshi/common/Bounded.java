package org.luoshi.common;

import jakarta.validation.Constraint;
import jakarta.validation.Payload;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Bean Validation of a request record against {@link Inputs}: every text component within its
 * field's length and free of control characters, every list within its size and its entries'
 * length, every date within 2000–2100, every number of a sane size. The first component at fault
 * is the one error, named by its key, with a Chinese message naming it by its label. Put it on the
 * body records of /api and annotate the controller's {@code @RequestBody} with {@code @Valid}.
 */
@Documented
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Constraint(validatedBy = BoundedValidator.class)
public @interface Bounded {

  /** The scope whose fields win over the general ones (a process key, e.g. "interview"). */
  String scope() default "";

  String message() default "请求内容不符合要求";

  Class<?>[] groups() default {};

  Class<? extends Payload>[] payload() default {};
}
