package io.vizora.command.identity.domain;

/** What an endpoint needs the caller to be allowed. */
public enum Permission {
    USERS_READ,
    USERS_MANAGE,
    FLEET_READ,
    FLEET_MANAGE,
    FLEET_COMMAND,
    CONTENT_READ,
    CONTENT_MANAGE,
    CAMPAIGNS_READ,
    CAMPAIGNS_MANAGE,
    CAMPAIGNS_PUBLISH,
    API_KEYS_MANAGE,
    ORGANISATION_MANAGE
}
