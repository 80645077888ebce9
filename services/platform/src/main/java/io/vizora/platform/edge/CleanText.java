package io.vizora.platform.edge;

import tools.jackson.core.JsonParser;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.JacksonModule;
import tools.jackson.databind.deser.jdk.StringDeserializer;
import tools.jackson.databind.module.SimpleModule;

import java.util.Optional;

/**
 * Text no store or contract takes: NUL (Postgres refuses it in text, the event contracts'
 * strings exclude it) and UTF-16 surrogates without their pair (no UTF-8 encoding exists for
 * them). Refused where text enters, every JSON string of every body ({@link #jacksonModule()})
 * and every query parameter and path segment ({@link CleanTextFilter}), with 400 naming the field.
 */
public final class CleanText {

    private CleanText() {
    }

    /** What is wrong with the text, if anything. */
    public static Optional<String> problem(CharSequence text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\u0000') {
                return Optional.of("must not contain a NUL character");
            }
            if (Character.isHighSurrogate(c) && (i + 1 == text.length() || !Character.isLowSurrogate(text.charAt(i + 1)))
                    || Character.isLowSurrogate(c) && (i == 0 || !Character.isHighSurrogate(text.charAt(i - 1)))) {
                return Optional.of("must not contain an unpaired UTF-16 surrogate");
            }
        }
        return Optional.empty();
    }

    /** Every String a body is read into, checked as it is read; the error names the field's path. */
    public static JacksonModule jacksonModule() {
        return new SimpleModule("vizora-clean-text").addDeserializer(String.class, new CheckedStrings());
    }

    private static final class CheckedStrings extends StringDeserializer {

        @Override
        public String deserialize(JsonParser parser, DeserializationContext context) {
            var value = super.deserialize(parser, context);
            if (value != null) {
                var problem = problem(value);
                if (problem.isPresent()) {
                    return context.reportInputMismatch(this, problem.get());
                }
            }
            return value;
        }
    }
}
