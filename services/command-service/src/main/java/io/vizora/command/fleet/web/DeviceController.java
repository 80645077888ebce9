package io.vizora.command.fleet.web;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.vizora.command.fleet.application.PairingService;
import io.vizora.command.fleet.application.PairingService.DeviceToken;
import io.vizora.command.fleet.application.PairingService.PairingTicket;
import io.vizora.command.fleet.application.PairingService.Progress;
import io.vizora.command.fleet.application.ScreenshotService;
import io.vizora.command.fleet.application.ScreenshotService.Taken;
import io.vizora.command.fleet.application.ScreenshotService.UploadTicket;
import io.vizora.command.fleet.persistence.DisplayRepository;
import io.vizora.command.fleet.persistence.DisplayRepository.Display;
import io.vizora.command.identity.tokens.AccessTokens;
import io.vizora.command.web.DomainProblem;
import io.vizora.platform.openapi.ApiSchemes;
import io.vizora.platform.openapi.NoCredentials;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

import java.time.Instant;
import java.util.UUID;

/** The device API's HTTP part: pairing, credentials, and what a paired screen may ask about itself. */
@RestController
@RequestMapping("/device/v1")
@Tag(name = "Devices")
class DeviceController {

    record CollectRequest(@NotBlank @Size(max = 100) String secret) {
    }

    record TokenRequest(@NotNull UUID displayId, @NotBlank @Size(max = 100) String deviceSecret) {
    }

    /** Either still waiting, or paired with the credentials (handed out this once). */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record PairingProgress(String status, Instant expiresAt, UUID displayId, UUID organisationId, String deviceSecret,
                           String accessToken, Long expiresIn) {
    }

    /** {@code commandId}: the screenshot command this answers, if one asked for it. */
    record ScreenshotRequest(UUID commandId) {
    }

    private final PairingService pairing;
    private final DisplayRepository displays;
    private final ScreenshotService screenshots;

    DeviceController(PairingService pairing, DisplayRepository displays, ScreenshotService screenshots) {
        this.pairing = pairing;
        this.displays = displays;
        this.screenshots = screenshots;
    }

    @PostMapping("/pairings")
    @NoCredentials
    @Operation(summary = "An unpaired screen asks for a pairing code to show; rate limited per address")
    Mono<ResponseEntity<PairingTicket>> requestCode() {
        return pairing.request().map(ticket -> ResponseEntity.status(HttpStatus.CREATED).body(ticket));
    }

    @PostMapping("/pairings/{pairingId}")
    @NoCredentials
    @Operation(summary = "The screen polls with its pairing secret: 202 while waiting, 200 with its credentials once claimed, then 404")
    Mono<ResponseEntity<PairingProgress>> progress(@PathVariable UUID pairingId, @Valid @RequestBody CollectRequest request) {
        return pairing.progress(pairingId, request.secret()).map(progress -> switch (progress) {
            case Progress.Waiting waiting -> ResponseEntity.accepted()
                    .body(new PairingProgress("waiting", waiting.expiresAt(), null, null, null, null, null));
            case Progress.Paired paired -> ResponseEntity.ok(new PairingProgress("paired", null, paired.displayId(),
                    paired.organisationId(), paired.deviceSecret(), paired.token().accessToken(), paired.token().expiresIn()));
        });
    }

    @PostMapping("/token")
    @NoCredentials
    @Operation(summary = "A paired screen exchanges its device secret for a fresh device token")
    Mono<DeviceToken> token(@Valid @RequestBody TokenRequest request) {
        return pairing.exchange(request.displayId(), request.deviceSecret());
    }

    @PostMapping("/screenshots")
    @SecurityRequirement(name = ApiSchemes.DEVICE)
    @Operation(summary = "A paired screen asks where to upload a screenshot (PNG, PUT to the presigned URL within minutes)")
    Mono<ResponseEntity<UploadTicket>> requestScreenshot(@AuthenticationPrincipal Jwt token, @RequestBody(required = false) ScreenshotRequest request) {
        return screenshots.requestUpload(organisation(token), UUID.fromString(token.getSubject()), request == null ? null : request.commandId())
                .map(ticket -> ResponseEntity.status(HttpStatus.CREATED).body(ticket));
    }

    @PostMapping("/screenshots/{screenshotId}/uploaded")
    @SecurityRequirement(name = ApiSchemes.DEVICE)
    @Operation(summary = "The screen confirms its upload: the image is checked (a PNG of at most 10 MiB) and the screenshot taken, once")
    Mono<Taken> confirmScreenshot(@AuthenticationPrincipal Jwt token, @PathVariable UUID screenshotId) {
        return screenshots.confirm(organisation(token), UUID.fromString(token.getSubject()), screenshotId);
    }

    private static UUID organisation(Jwt token) {
        return UUID.fromString(token.getClaimAsString(AccessTokens.ORGANISATION_CLAIM));
    }

    @GetMapping("/display")
    @SecurityRequirement(name = ApiSchemes.DEVICE)
    @Operation(summary = "The display this device token belongs to; 401 once it is unpaired")
    Mono<Display> display(@AuthenticationPrincipal Jwt token) {
        var displayId = UUID.fromString(token.getSubject());
        return displays.find(UUID.fromString(token.getClaimAsString(AccessTokens.ORGANISATION_CLAIM)), displayId)
                .switchIfEmpty(Mono.error(() -> new DomainProblem(HttpStatus.UNAUTHORIZED, "Not paired",
                        "Display " + displayId + " is not paired any more; pair the screen again.")));
    }
}
