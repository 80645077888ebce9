package io.vizora.command.identity.domain;

import java.util.UUID;

public record OrganisationCreated(UUID organisationId, String name, UUID ownerUserId) {

    public static final String TYPE = "vizora.identity.organisation_created.v1";
}
