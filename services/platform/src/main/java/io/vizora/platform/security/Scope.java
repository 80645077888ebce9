package io.vizora.platform.security;

import java.util.Arrays;

/**
 * What an API key may do, as partners write it ({@code displays:read} and so on). The one list of
 * scopes: the command service offers exactly these, and every service that takes API keys checks
 * them as authorities ({@link #authority()}). docs/api-keys.md says what each grants where.
 */
public enum Scope {
    DISPLAYS_READ("displays:read"), DISPLAYS_WRITE("displays:write"),
    CONTENT_READ("content:read"), CONTENT_WRITE("content:write"),
    CAMPAIGNS_READ("campaigns:read"), CAMPAIGNS_WRITE("campaigns:write"),
    EVENTS_READ("events:read"), STATS_READ("stats:read");

    private final String code;

    Scope(String code) {
        this.code = code;
    }

    public String code() {
        return code;
    }

    /** The authority a key with this scope holds: {@code SCOPE_displays:read}. */
    public String authority() {
        return ApiKeyAuthentication.SCOPE_PREFIX + code;
    }

    public static Scope of(String code) {
        return Arrays.stream(values()).filter(scope -> scope.code.equals(code)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown scope '" + code + "'"));
    }
}
