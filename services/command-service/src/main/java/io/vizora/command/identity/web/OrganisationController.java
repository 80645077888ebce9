package io.vizora.command.identity.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.vizora.command.identity.application.SignUpService;
import io.vizora.platform.openapi.NoCredentials;
import jakarta.validation.Valid;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

import java.net.URI;

@RestController
@RequestMapping("/api/v1/organisations")
@Tag(name = "Organisations")
class OrganisationController {

    private final SignUpService signUps;

    OrganisationController(SignUpService signUps) {
        this.signUps = signUps;
    }

    @PostMapping
    @NoCredentials
    @Operation(summary = "Sign up an organisation with its owner",
            responses = {
                    @ApiResponse(responseCode = "201", description = "Created; the owner can log in"),
                    @ApiResponse(responseCode = "400", description = "Invalid fields or a refused password (problem details)"),
                    @ApiResponse(responseCode = "409", description = "The email address has an account already (problem details)")})
    Mono<ResponseEntity<SignUpResponse>> signUp(@Valid @RequestBody SignUpRequest request) {
        return signUps.signUp(request.organisationName(), request.ownerEmail(), request.ownerName(), request.password())
                .map(signUp -> ResponseEntity.created(URI.create("/api/v1/organisations/" + signUp.organisationId()))
                        .body(new SignUpResponse(signUp.organisationId(), signUp.ownerId())));
    }
}
