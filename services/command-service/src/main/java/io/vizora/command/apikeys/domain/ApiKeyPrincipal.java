package io.vizora.command.apikeys.domain;

import io.vizora.platform.security.Scope;

import java.util.Collection;
import java.util.Set;
import java.util.UUID;

/** A partner system calling with an API key: which key, whose organisation, which scopes. */
public record ApiKeyPrincipal(UUID apiKeyId, UUID organisationId, Set<Scope> scopes) {

    public String name() {
        return "apikey:" + apiKeyId;
    }

    public Collection<String> scopeCodes() {
        return scopes.stream().map(Scope::code).toList();
    }
}
