package io.vizora.command.apikeys.domain;

import java.util.Arrays;

/** What an API key may do, as partners write it: {@code displays:read} and so on. */
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

    public static Scope of(String code) {
        return Arrays.stream(values()).filter(scope -> scope.code.equals(code)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown scope '" + code + "'"));
    }
}
