package io.vizora.command.scheduling.domain;

import java.util.Locale;

/**
 * A campaign's life: drafted and changed freely, published (it plays; changes take effect at once),
 * ended (for good, by an operator or because its end date passed). Only drafts and ended campaigns
 * can be deleted, so a playing campaign never vanishes without its ended event.
 */
public enum CampaignState {
    DRAFT, PUBLISHED, ENDED;

    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static CampaignState fromCode(String code) {
        return valueOf(code.toUpperCase(Locale.ROOT));
    }

    public boolean mayChange() {
        return this != ENDED;
    }

    public boolean mayPublish() {
        return this == DRAFT;
    }

    public boolean mayEnd() {
        return this == PUBLISHED;
    }

    public boolean mayDelete() {
        return this != PUBLISHED;
    }
}
