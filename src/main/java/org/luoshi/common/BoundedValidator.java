package org.luoshi.common;

import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Collection;

/** Checks a {@link Bounded} record's components against {@link Inputs}. */
public class BoundedValidator implements ConstraintValidator<Bounded, Record> {

  private String scope;

  @Override
  public void initialize(Bounded annotation) {
    scope = annotation.scope().isEmpty() ? null : annotation.scope();
  }

  @Override
  public boolean isValid(Record value, ConstraintValidatorContext context) {
    if (value == null) {
      return true;
    }
    for (RecordComponent component : value.getClass().getRecordComponents()) {
      String problem = problem(Inputs.field(scope, component.getName()), read(value, component));
      if (problem != null) {
        context.disableDefaultConstraintViolation();
        context.buildConstraintViolationWithTemplate(escape(problem))
            .addPropertyNode(component.getName())
            .addConstraintViolation();
        return false;
      }
    }
    return true;
  }

  private static String problem(Inputs.Field field, Object v) {
    if (v instanceof String s) {
      return Inputs.textProblem(field, s);
    }
    if (v instanceof Collection<?> c) {
      String size = Inputs.sizeProblem(field, c);
      if (size != null) {
        return size;
      }
      for (Object entry : c) {
        String p = entry instanceof String s ? Inputs.entryProblem(field, s) : null;
        if (p != null) {
          return p;
        }
      }
      return null;
    }
    if (v instanceof LocalDate d) {
      return Inputs.dateProblem(field, d);
    }
    if (v instanceof OffsetDateTime t) {
      return Inputs.dateTimeProblem(field, t);
    }
    if (v instanceof BigDecimal n) {
      return Inputs.numberProblem(field, n);
    }
    return null;
  }

  private static Object read(Record value, RecordComponent component) {
    try {
      var accessor = component.getAccessor();
      accessor.setAccessible(true); // request records are package-private
      return accessor.invoke(value);
    } catch (IllegalAccessException | InvocationTargetException e) {
      throw new IllegalStateException("cannot read " + component, e);
    }
  }

  /** The message is a template: what it quotes of the input must not be read as one. */
  private static String escape(String message) {
    return message.replace("\\", "\\\\").replace("{", "\\{").replace("}", "\\}").replace("$", "\\$");
  }
}
