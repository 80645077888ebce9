package io.vizora.command.scheduling.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.vizora.command.domain.RuleViolation;
import io.vizora.command.identity.web.Callers;
import io.vizora.command.scheduling.application.CampaignService;
import io.vizora.command.scheduling.domain.Campaign;
import io.vizora.command.web.Preconditions;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.UUID;

@RestController
@RequestMapping("/api/v1/takeovers")
@Tag(name = "Campaigns")
class TakeoverController {

    /**
     * An emergency now: {@code durationSeconds} from now (15 to 240 minutes are the usual; any
     * duration up to seven days), on the targets. {@code name} defaults to "Takeover".
     */
    record TakeoverRequest(@Size(max = 200) String name, @NotNull UUID playlistId, @NotNull @Valid CampaignController.TargetsRequest targets,
                           @NotNull @Min(10) @Max(7 * 24 * 3600) Integer durationSeconds) {

        Campaign takeover(java.time.Instant now) {
            var problems = new ArrayList<String>();
            var targets = this.targets.targets(problems);
            RuleViolation.throwIfAny("Invalid takeover", problems);
            return Campaign.takeoverNow(name == null || name.isBlank() ? "Takeover" : name.strip(), playlistId, targets, now,
                    Duration.ofSeconds(durationSeconds));
        }
    }

    private final CampaignService campaigns;

    TakeoverController(CampaignService campaigns) {
        this.campaigns = campaigns;
    }

    @PostMapping
    @Operation(summary = "Take over displays, groups, tags or the whole organisation now, for a number of seconds (admins and owners): "
            + "a published takeover campaign of the highest priority that ends by itself, or earlier with POST /api/v1/campaigns/{id}/end")
    Mono<ResponseEntity<CampaignController.CampaignResponse>> takeOver(@AuthenticationPrincipal Object principal,
                                                                       @Valid @RequestBody TakeoverRequest request) {
        return campaigns.takeOver(Callers.of(principal), request::takeover).map(CampaignController.CampaignResponse::of)
                .map(campaign -> Preconditions.tagged(ResponseEntity.created(URI.create("/api/v1/campaigns/" + campaign.campaignId())),
                        campaign.version(), campaign));
    }
}
