package io.vizora.command.scheduling.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.vizora.command.domain.RuleViolation;
import io.vizora.command.fleet.domain.Tags;
import io.vizora.command.identity.web.Callers;
import io.vizora.command.scheduling.application.CampaignService;
import io.vizora.command.scheduling.domain.Campaign;
import io.vizora.command.scheduling.domain.CampaignState;
import io.vizora.command.scheduling.domain.SchedulingEvents.CampaignSnapshot;
import io.vizora.command.scheduling.domain.SchedulingEvents.EventDaypart;
import io.vizora.command.scheduling.domain.SchedulingEvents.EventPeriod;
import io.vizora.command.scheduling.domain.SchedulingEvents.EventTargets;
import io.vizora.command.scheduling.domain.SchedulingEvents.Recurrence;
import io.vizora.command.scheduling.persistence.CampaignRepository.StoredCampaign;
import io.vizora.command.web.DomainProblem;
import io.vizora.schedule.CampaignKind;
import io.vizora.schedule.Daypart;
import io.vizora.schedule.Schedule;
import io.vizora.schedule.Targets;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import io.vizora.command.web.Preconditions;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import java.net.URI;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;

@RestController
@RequestMapping("/api/v1/campaigns")
@Tag(name = "Campaigns")
class CampaignController {

    private static final String TIME_OF_DAY = "([01][0-9]|2[0-3]):[0-5][0-9]";

    /** {@code wholeOrganisation}: every display of the organisation, present and future, besides any listed. */
    record TargetsRequest(@Size(max = Targets.MAX_EACH) List<@NotNull UUID> displayIds,
                          @Size(max = Targets.MAX_EACH) List<@NotNull UUID> groupIds,
                          @Size(max = Targets.MAX_EACH) List<@NotNull @Size(max = 63) String> tags,
                          Boolean wholeOrganisation) {

        /** The targets with their tags normalised; what is wrong with a tag goes into {@code problems}. */
        Targets targets(List<String> problems) {
            var normalised = Tags.normalise(tags == null ? List.of() : tags, problems);
            return new Targets(orEmpty(displayIds), orEmpty(groupIds), normalised, Boolean.TRUE.equals(wholeOrganisation));
        }

        private static List<UUID> orEmpty(List<UUID> ids) {
            return ids == null ? List.of() : ids;
        }
    }

    /** Two instants that bound the campaign everywhere (a takeover's), besides its dates and dayparts. */
    record PeriodRequest(@NotNull Instant startsAt, @NotNull Instant endsAt) {
    }

    record DaypartRequest(@NotNull @Size(min = 1, max = 7) Set<@NotNull DayOfWeek> weekdays,
                          @NotNull @Pattern(regexp = TIME_OF_DAY, message = "must be a time of day as HH:MM") String start,
                          @NotNull @Pattern(regexp = TIME_OF_DAY, message = "must be a time of day as HH:MM") String end) {
    }

    record RecurrenceRequest(@NotNull @Min(1) @Max(Schedule.MAX_EVERY_WEEKS) Integer everyWeeks) {
    }

    record CampaignRequest(@NotBlank @Size(max = 200) String name, @NotNull UUID playlistId, @NotNull @Valid TargetsRequest targets,
                           @NotNull LocalDate startDate, @NotNull LocalDate endDate,
                           @NotNull @Size(min = 1, max = Schedule.MAX_DAYPARTS) List<@Valid @NotNull DaypartRequest> dayparts,
                           @NotNull @Min(0) @Max(Campaign.MAX_PRIORITY) Integer priority, @NotNull CampaignKind kind,
                           @Valid RecurrenceRequest recurrence, @Valid PeriodRequest period) {

        Campaign campaign() {
            var problems = new ArrayList<String>();
            var checkedTargets = targets.targets(problems);
            RuleViolation.throwIfAny("Invalid campaign", problems);
            var schedule = new Schedule(startDate, endDate,
                    dayparts.stream().map(d -> new Daypart(d.weekdays(), LocalTime.parse(d.start()), LocalTime.parse(d.end()))).toList(),
                    recurrence == null ? 1 : recurrence.everyWeeks(),
                    period == null ? null : new Schedule.Period(period.startsAt(), period.endsAt()));
            return new Campaign(name.strip(), playlistId, checkedTargets, schedule, priority, kind);
        }
    }

    /** A campaign as operators see it: its whole state as its events carry it, and where it is in its life. */
    record CampaignResponse(UUID campaignId, String name, UUID playlistId, EventTargets targets, String startDate, String endDate,
                            List<EventDaypart> dayparts, int priority, String kind, Recurrence recurrence, EventPeriod period, String state,
                            Instant updatedAt, long version) {

        static CampaignResponse of(StoredCampaign stored) {
            var snapshot = CampaignSnapshot.of(stored.campaignId(), stored.campaign());
            return new CampaignResponse(snapshot.campaignId(), snapshot.name(), snapshot.playlistId(), snapshot.targets(),
                    snapshot.startDate(), snapshot.endDate(), snapshot.dayparts(), snapshot.priority(), snapshot.kind(),
                    snapshot.recurrence() == null ? new Recurrence(1) : snapshot.recurrence(), snapshot.period(), stored.state().code(),
                    stored.updatedAt(),
                    stored.version());
        }
    }

    private final CampaignService campaigns;

    CampaignController(CampaignService campaigns) {
        this.campaigns = campaigns;
    }

    @PostMapping
    @Operation(summary = "Draft a campaign (editors and up); an impossible schedule is refused, saying what is wrong")
    Mono<ResponseEntity<CampaignResponse>> create(@AuthenticationPrincipal Object principal, @Valid @RequestBody CampaignRequest request) {
        return campaigns.create(Callers.of(principal), request.campaign()).map(CampaignResponse::of)
                .map(campaign -> Preconditions.tagged(ResponseEntity.created(URI.create("/api/v1/campaigns/" + campaign.campaignId())),
                        campaign.version(), campaign));
    }

    @GetMapping
    @Operation(summary = "The organisation's campaigns, optionally only those in one state (draft, published, ended)")
    Flux<CampaignResponse> list(@AuthenticationPrincipal Object principal, @RequestParam(required = false) String state) {
        return campaigns.list(Callers.of(principal), state == null ? null : state(state)).map(CampaignResponse::of);
    }

    private static CampaignState state(String code) {
        try {
            return CampaignState.fromCode(code);
        } catch (IllegalArgumentException e) {
            throw new DomainProblem(HttpStatus.BAD_REQUEST, "Invalid request", "state must be draft, published or ended.");
        }
    }

    @GetMapping("/{campaignId}")
    @Operation(summary = "One campaign, its version as the ETag; 404 outside the caller's organisation")
    Mono<ResponseEntity<CampaignResponse>> get(@AuthenticationPrincipal Object principal, @PathVariable UUID campaignId) {
        return campaigns.get(Callers.of(principal), campaignId).map(CampaignResponse::of).map(CampaignController::tagged);
    }

    @PutMapping("/{campaignId}")
    @Operation(summary = "Replace a campaign: drafts by editors and up; published campaigns by admins and owners, taking effect at once; "
            + "with If-Match, only if it is still at that version (412 otherwise)")
    Mono<ResponseEntity<CampaignResponse>> update(@AuthenticationPrincipal Object principal, @PathVariable UUID campaignId,
                                                  @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch,
                                                  @Valid @RequestBody CampaignRequest request) {
        return campaigns.update(Callers.of(principal), campaignId, Preconditions.expected(ifMatch), request.campaign())
                .map(CampaignResponse::of).map(CampaignController::tagged);
    }

    private static ResponseEntity<CampaignResponse> tagged(CampaignResponse campaign) {
        return Preconditions.tagged(ResponseEntity.ok(), campaign.version(), campaign);
    }

    @PostMapping("/{campaignId}/publish")
    @Operation(summary = "Publish a draft (admins and owners): it needs targets, a non-empty playlist and an end date still ahead")
    Mono<CampaignResponse> publish(@AuthenticationPrincipal Object principal, @PathVariable UUID campaignId) {
        return campaigns.publish(Callers.of(principal), campaignId).map(CampaignResponse::of);
    }

    @PostMapping("/{campaignId}/end")
    @Operation(summary = "End a published campaign for good (admins and owners)")
    Mono<CampaignResponse> end(@AuthenticationPrincipal Object principal, @PathVariable UUID campaignId) {
        return campaigns.end(Callers.of(principal), campaignId).map(CampaignResponse::of);
    }

    @DeleteMapping("/{campaignId}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "Delete a draft or ended campaign; a published one must be ended first (409)")
    Mono<Void> delete(@AuthenticationPrincipal Object principal, @PathVariable UUID campaignId) {
        return campaigns.delete(Callers.of(principal), campaignId);
    }
}
