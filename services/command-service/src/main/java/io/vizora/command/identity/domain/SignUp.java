package io.vizora.command.identity.domain;

import java.util.UUID;

/** An organisation signing up with its owner: the ids it gets and the events it emits. */
public record SignUp(UUID organisationId, String organisationName, UUID ownerId, EmailAddress ownerEmail, String ownerName) {

    public static SignUp of(String organisationName, String ownerEmail, String ownerName) {
        return new SignUp(UUID.randomUUID(), organisationName.strip(), UUID.randomUUID(), new EmailAddress(ownerEmail), ownerName.strip());
    }

    public OrganisationCreated organisationCreated() {
        return new OrganisationCreated(organisationId, organisationName, ownerId);
    }

    public UserRegistered ownerRegistered() {
        return new UserRegistered(ownerId, ownerEmail.value(), ownerName);
    }
}
