package io.vizora.command.scheduling.domain;

import java.util.List;
import java.util.UUID;

/** What happens to playlists and campaigns, as the contract names it. */
public final class SchedulingEvents {

    public record PlaylistCreated(UUID playlistId, String name, List<Playlist.Item> items) {
        public static final String TYPE = "vizora.scheduling.playlist_created.v1";
    }

    public record PlaylistUpdated(UUID playlistId, String name, List<Playlist.Item> items) {
        public static final String TYPE = "vizora.scheduling.playlist_updated.v1";
    }

    public record PlaylistDeleted(UUID playlistId) {
        public static final String TYPE = "vizora.scheduling.playlist_deleted.v1";
    }

    /** {@code wholeOrganisation} is null (left out of the event) unless it is true. */
    public record EventTargets(List<UUID> displayIds, List<UUID> groupIds, List<String> tags, Boolean wholeOrganisation) {

        public static EventTargets of(io.vizora.schedule.Targets targets) {
            return new EventTargets(targets.displayIds(), targets.groupIds(), targets.tags(), targets.wholeOrganisation() ? Boolean.TRUE : null);
        }

        public io.vizora.schedule.Targets targets() {
            return new io.vizora.schedule.Targets(displayIds, groupIds, tags, Boolean.TRUE.equals(wholeOrganisation));
        }
    }

    /** Instants as ISO-8601 UTC. */
    public record EventPeriod(String startsAt, String endsAt) {
    }

    /** Weekdays as the contract spells them (MONDAY), times as HH:MM. */
    public record EventDaypart(List<String> weekdays, String start, String end) {
    }

    public record Recurrence(int everyWeeks) {
    }

    /** The campaign's whole state, as created and updated events carry it; recurrence is left out when weekly, period when none. */
    public record CampaignSnapshot(UUID campaignId, String name, UUID playlistId, EventTargets targets, String startDate, String endDate,
                                List<EventDaypart> dayparts, int priority, String kind, Recurrence recurrence, EventPeriod period) {

        public static CampaignSnapshot of(UUID campaignId, Campaign campaign) {
            var schedule = campaign.schedule();
            return new CampaignSnapshot(campaignId, campaign.name(), campaign.playlistId(), EventTargets.of(campaign.targets()),
                    schedule.startDate().toString(), schedule.endDate().toString(),
                    schedule.dayparts().stream().map(daypart -> new EventDaypart(
                            daypart.weekdays().stream().sorted().map(Enum::name).toList(),
                            daypart.start().toString(), daypart.end().toString())).toList(),
                    campaign.priority(), campaign.kind().code(),
                    schedule.everyWeeks() == 1 ? null : new Recurrence(schedule.everyWeeks()),
                    schedule.period() == null ? null
                            : new EventPeriod(schedule.period().startsAt().toString(), schedule.period().endsAt().toString()));
        }
    }

    public static final String CAMPAIGN_CREATED = "vizora.scheduling.campaign_created.v1";
    public static final String CAMPAIGN_UPDATED = "vizora.scheduling.campaign_updated.v1";

    public record CampaignPublished(UUID campaignId) {
        public static final String TYPE = "vizora.scheduling.campaign_published.v1";
    }

    public record CampaignEnded(UUID campaignId, String reason) {
        public static final String TYPE = "vizora.scheduling.campaign_ended.v1";
        public static final String EXPIRED = "expired";
        public static final String BY_OPERATOR = "ended_by_operator";
    }

    /** The organisation's default playlist; null (left out of the event) clears it. */
    public record DefaultPlaylistSet(UUID playlistId) {
        public static final String TYPE = "vizora.scheduling.default_playlist_set.v1";
    }

    public record CampaignDeleted(UUID campaignId) {
        public static final String TYPE = "vizora.scheduling.campaign_deleted.v1";
    }

    private SchedulingEvents() {
    }
}
