package io.vizora.schemas;

import com.networknt.schema.ExecutionContext;
import com.networknt.schema.format.Format;

/**
 * The {@code uuid} format exactly as the validator library defines it (8-4-4-4-12 hexadecimal
 * digits, either case), checked without its regular expression: every event carries several
 * uuids and every consumer checks them, and the expression was the largest single cost of reading
 * an event (ADR 0022).
 */
final class UuidFormat implements Format {

    @Override
    public String getName() {
        return "uuid";
    }

    @Override
    public String getMessageKey() {
        return "format.uuid";
    }

    @Override
    public boolean matches(ExecutionContext context, String value) {
        return isUuid(value);
    }

    static boolean isUuid(String value) {
        if (value.length() != 36) {
            return false;
        }
        for (int i = 0; i < 36; i++) {
            var c = value.charAt(i);
            var ok = i == 8 || i == 13 || i == 18 || i == 23 ? c == '-'
                    : (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
            if (!ok) {
                return false;
            }
        }
        return true;
    }
}
