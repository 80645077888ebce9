package io.vizora.schedule;

/** A normal campaign competes by priority; a takeover (an emergency) beats every normal one while active. */
public enum CampaignKind {
    NORMAL, TAKEOVER;

    public String code() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
