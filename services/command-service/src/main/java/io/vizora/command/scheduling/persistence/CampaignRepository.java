package io.vizora.command.scheduling.persistence;

import io.r2dbc.postgresql.codec.Json;
import io.r2dbc.spi.Readable;
import io.vizora.command.persistence.TenantRows;
import io.vizora.command.scheduling.domain.Campaign;
import io.vizora.command.scheduling.domain.CampaignState;
import io.vizora.command.scheduling.domain.SchedulingEvents.CampaignSnapshot;
import io.vizora.command.scheduling.domain.SchedulingEvents.EventDaypart;
import io.vizora.command.scheduling.domain.SchedulingEvents.EventTargets;
import io.vizora.schedule.CampaignKind;
import io.vizora.schedule.Daypart;
import io.vizora.schedule.Schedule;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.stream.Collectors;

/** Campaigns, always within one organisation; targets and dayparts are kept as the events carry them. */
@Repository
public class CampaignRepository {

    public record StoredCampaign(UUID campaignId, Campaign campaign, CampaignState state, Instant updatedAt, long version) {
    }

    /** A published campaign whose end date has passed, as the expiry finds it. */
    public record Expired(UUID campaignId, UUID organisationId) {
    }

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final TypeReference<List<EventDaypart>> DAYPARTS = new TypeReference<>() { };
    private static final String COLUMNS = """
            id, name, playlist_id, targets, start_date, end_date, dayparts, priority, kind, recurrence_weeks, starts_at, ends_at, state, updated_at,
            version""";

    private final DatabaseClient db;

    public CampaignRepository(DatabaseClient db) {
        this.db = db;
    }

    public Mono<Void> insert(UUID organisationId, UUID campaignId, Campaign campaign) {
        return bound(db.sql("""
                        INSERT INTO campaign (id, organisation_id, name, playlist_id, targets, start_date, end_date, dayparts, priority, kind,
                                              recurrence_weeks, starts_at, ends_at, state)
                        VALUES (:id, :organisation, :name, :playlist, :targets, :start, :end, :dayparts, :priority, :kind, :weeks, :startsAt,
                                :endsAt, 'draft')"""),
                organisationId, campaignId, campaign).then();
    }

    public Mono<Void> update(UUID organisationId, UUID campaignId, Campaign campaign) {
        return bound(db.sql("""
                        UPDATE campaign SET name = :name, playlist_id = :playlist, targets = :targets, start_date = :start, end_date = :end,
                                            dayparts = :dayparts, priority = :priority, kind = :kind, recurrence_weeks = :weeks,
                                            starts_at = :startsAt, ends_at = :endsAt, updated_at = now(),
                                            version = version + 1
                        WHERE id = :id AND organisation_id = :organisation"""),
                organisationId, campaignId, campaign).then();
    }

    private static DatabaseClient.GenericExecuteSpec bound(DatabaseClient.GenericExecuteSpec spec, UUID organisationId, UUID campaignId,
                                                           Campaign campaign) {
        var snapshot = CampaignSnapshot.of(campaignId, campaign);
        spec = spec.bind("id", campaignId).bind("organisation", organisationId)
                .bind("name", campaign.name()).bind("playlist", campaign.playlistId())
                .bind("targets", Json.of(JSON.writeValueAsString(snapshot.targets())))
                .bind("start", campaign.schedule().startDate()).bind("end", campaign.schedule().endDate())
                .bind("dayparts", Json.of(JSON.writeValueAsString(snapshot.dayparts())))
                .bind("priority", campaign.priority()).bind("kind", campaign.kind().code())
                .bind("weeks", campaign.schedule().everyWeeks());
        var period = campaign.schedule().period();
        return period == null ? spec.bindNull("startsAt", OffsetDateTime.class).bindNull("endsAt", OffsetDateTime.class)
                : spec.bind("startsAt", period.startsAt().atOffset(java.time.ZoneOffset.UTC)).bind("endsAt", period.endsAt().atOffset(java.time.ZoneOffset.UTC));
    }

    public Mono<Void> changeState(UUID organisationId, UUID campaignId, CampaignState state) {
        return db.sql("UPDATE campaign SET state = :state, updated_at = now(), version = version + 1 WHERE id = :id AND organisation_id = :organisation")
                .bind("state", state.code()).bind("id", campaignId).bind("organisation", organisationId)
                .then();
    }

    public Mono<Boolean> delete(UUID organisationId, UUID campaignId) {
        return db.sql("DELETE FROM campaign WHERE id = :id AND organisation_id = :organisation")
                .bind("id", campaignId).bind("organisation", organisationId)
                .fetch().rowsUpdated().map(rows -> rows > 0);
    }

    public Mono<StoredCampaign> find(UUID organisationId, UUID campaignId) {
        return db.sql("SELECT " + COLUMNS + " FROM campaign WHERE id = :id AND organisation_id = :organisation")
                .bind("id", campaignId).bind("organisation", organisationId)
                .map(CampaignRepository::campaign).one();
    }

    /** The same, locked until the transaction ends: state changes of one campaign happen one at a time. */
    public Mono<StoredCampaign> findForUpdate(UUID organisationId, UUID campaignId) {
        return db.sql("SELECT " + COLUMNS + " FROM campaign WHERE id = :id AND organisation_id = :organisation FOR UPDATE")
                .bind("id", campaignId).bind("organisation", organisationId)
                .map(CampaignRepository::campaign).one();
    }

    public Flux<StoredCampaign> all(UUID organisationId, CampaignState state) {
        var spec = db.sql("SELECT " + COLUMNS + " FROM campaign WHERE organisation_id = :organisation"
                        + (state == null ? "" : " AND state = :state") + " ORDER BY start_date, lower(name), id")
                .bind("organisation", organisationId);
        return (state == null ? spec : spec.bind("state", state.code())).map(CampaignRepository::campaign).all();
    }

    /**
     * Ends published campaigns whose last window has closed everywhere on Earth: after the end date
     * plus one day (a window may cross midnight) in UTC-12, the last zone to leave a date, or once
     * their period is over.
     */
    public Flux<Expired> expire() {
        return db.sql("""
                        UPDATE campaign SET state = 'ended', updated_at = now(), version = version + 1
                        WHERE state = 'published' AND (end_date + 1 < (now() AT TIME ZONE 'Etc/GMT+12')::date OR ends_at <= now())
                        RETURNING id, organisation_id""")
                .map(row -> new Expired(row.get("id", UUID.class), row.get("organisation_id", UUID.class))).all();
    }

    /** Of the given ids, those that are not displays of the organisation. */
    public Flux<UUID> unknownDisplays(UUID organisationId, List<UUID> displayIds) {
        return TenantRows.unknown(db, TenantRows.Table.DISPLAY, organisationId, displayIds);
    }

    /** Of the given ids, those that are not display groups of the organisation. */
    public Flux<UUID> unknownGroups(UUID organisationId, List<UUID> groupIds) {
        return TenantRows.unknown(db, TenantRows.Table.DISPLAY_GROUP, organisationId, groupIds);
    }

    private static StoredCampaign campaign(Readable row) {
        var targets = JSON.readValue(row.get("targets", Json.class).asString(), EventTargets.class);
        var dayparts = JSON.readValue(row.get("dayparts", Json.class).asString(), DAYPARTS).stream()
                .map(daypart -> new Daypart(daypart.weekdays().stream().map(DayOfWeek::valueOf).collect(Collectors.toSet()),
                        LocalTime.parse(daypart.start()), LocalTime.parse(daypart.end())))
                .toList();
        var weeks = row.get("recurrence_weeks", Integer.class);
        var startsAt = row.get("starts_at", OffsetDateTime.class);
        var endsAt = row.get("ends_at", OffsetDateTime.class);
        var campaign = new Campaign(row.get("name", String.class), row.get("playlist_id", UUID.class), targets.targets(),
                new Schedule(row.get("start_date", LocalDate.class), row.get("end_date", LocalDate.class), dayparts, weeks == null ? 1 : weeks,
                        startsAt == null ? null : new Schedule.Period(startsAt.toInstant(), endsAt.toInstant())),
                row.get("priority", Integer.class), CampaignKind.valueOf(row.get("kind", String.class).toUpperCase(Locale.ROOT)));
        return new StoredCampaign(row.get("id", UUID.class), campaign, CampaignState.fromCode(row.get("state", String.class)),
                row.get("updated_at", OffsetDateTime.class).toInstant(), row.get("version", Long.class));
    }
}
