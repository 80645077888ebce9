package io.vizora.platform.openapi;

import io.swagger.v3.oas.annotations.security.SecurityRequirements;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * An operation anyone may call (sign-up, login, pairing): its OpenAPI description demands no credentials,
 * where every other operation demands an operator's token. It documents the security chain, which has to
 * permit the route itself.
 */
@Target({ElementType.METHOD, ElementType.TYPE})
@Retention(RetentionPolicy.RUNTIME)
@Documented
@SecurityRequirements
public @interface NoCredentials {
}
