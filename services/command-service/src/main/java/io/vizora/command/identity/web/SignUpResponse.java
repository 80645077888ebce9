package io.vizora.command.identity.web;

import java.util.UUID;

public record SignUpResponse(UUID organisationId, UUID ownerUserId) {
}
