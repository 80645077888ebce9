package io.vizora.command.apikeys.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.vizora.command.apikeys.application.ApiKeyService;
import io.vizora.platform.security.Scope;
import io.vizora.command.apikeys.persistence.ApiKeyRepository.ApiKeyView;
import io.vizora.command.identity.web.Callers;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import java.net.URI;
import java.util.List;
import java.util.UUID;

@RestController
@RequestMapping("/api/v1/api-keys")
@Tag(name = "API keys")
class ApiKeyController {

    record CreateRequest(@NotBlank @Size(max = 200) String name,
                         @NotEmpty @Size(max = 8) List<@Pattern(regexp = "[a-z]+:(read|write)") String> scopes) {
    }

    /** The key is in this response and nowhere else, ever. */
    record CreateResponse(UUID apiKeyId, String key) {
    }

    private final ApiKeyService keys;

    ApiKeyController(ApiKeyService keys) {
        this.keys = keys;
    }

    @PostMapping
    @Operation(summary = "Create an API key with scopes; the key is shown once (owners and admins)")
    Mono<ResponseEntity<CreateResponse>> create(@AuthenticationPrincipal Object principal, @Valid @RequestBody CreateRequest request) {
        List<Scope> scopes;
        try {
            scopes = request.scopes().stream().map(Scope::of).toList();
        } catch (IllegalArgumentException e) {
            return Mono.error(new io.vizora.command.web.DomainProblem(HttpStatus.BAD_REQUEST, "Invalid request", e.getMessage()));
        }
        return keys.create(Callers.of(principal), request.name(), scopes)
                .map(created -> ResponseEntity.created(URI.create("/api/v1/api-keys/" + created.apiKeyId()))
                        .body(new CreateResponse(created.apiKeyId(), created.key())));
    }

    @GetMapping
    @Operation(summary = "The organisation's API keys, without the keys")
    Flux<ApiKeyView> list(@AuthenticationPrincipal Object principal) {
        return keys.list(Callers.of(principal));
    }

    @DeleteMapping("/{apiKeyId}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "Revoke an API key; it stops working at once")
    Mono<Void> revoke(@AuthenticationPrincipal Object principal, @PathVariable UUID apiKeyId) {
        return keys.revoke(Callers.of(principal), apiKeyId);
    }
}
