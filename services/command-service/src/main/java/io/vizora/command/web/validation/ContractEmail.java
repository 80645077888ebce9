package io.vizora.command.web.validation;

import io.vizora.schemas.Formats;
import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * An email address as the event contract's {@code email} format accepts it (a real top-level
 * domain included), so a request is refused up front rather than failing when its event is checked.
 * Null is left to {@code @NotBlank}.
 */
@Documented
@Target({ElementType.FIELD, ElementType.RECORD_COMPONENT, ElementType.PARAMETER})
@Retention(RetentionPolicy.RUNTIME)
@Constraint(validatedBy = ContractEmail.Check.class)
public @interface ContractEmail {

    String message() default "must be an email address with a real domain, like name@example.com";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    final class Check implements ConstraintValidator<ContractEmail, String> {
        @Override
        public boolean isValid(String value, ConstraintValidatorContext context) {
            return value == null || Formats.email(value);
        }
    }
}
