package io.vizora.command.apikeys.application;

import io.vizora.command.apikeys.domain.ApiKeyCreated;
import io.vizora.command.apikeys.domain.ApiKeyRevoked;
import io.vizora.platform.security.Scope;
import io.vizora.command.apikeys.persistence.ApiKeyRepository;
import io.vizora.command.apikeys.persistence.ApiKeyRepository.ApiKeyView;
import io.vizora.command.identity.application.Authorization;
import io.vizora.command.identity.domain.Caller;
import io.vizora.command.identity.domain.Permission;
import io.vizora.command.identity.tokens.OpaqueTokens;
import io.vizora.command.CommandEvents;
import io.vizora.outbox.OutboxWriter;
import io.vizora.platform.security.ApiKeyAuthentication;
import org.springframework.stereotype.Service;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import io.vizora.platform.security.AccessRevocations;

import java.util.List;
import java.util.UUID;

/** API keys for partner systems: created with scopes and shown once, listed without secrets, revoked. */
@Service
public class ApiKeyService {

    public record CreatedKey(UUID apiKeyId, String key) {
    }

    private final ApiKeyRepository keys;
    private final OutboxWriter outbox;
    private final TransactionalOperator transaction;

    private final AccessRevocations revocations;

    public ApiKeyService(ApiKeyRepository keys, OutboxWriter outbox, TransactionalOperator transaction, AccessRevocations revocations) {
        this.revocations = revocations;
        this.keys = keys;
        this.outbox = outbox;
        this.transaction = transaction;
    }

    public Mono<CreatedKey> create(Caller caller, String name, List<Scope> scopes) {
        var id = UUID.randomUUID();
        var key = ApiKeyAuthentication.KEY_PREFIX + OpaqueTokens.generate();
        var distinct = scopes.stream().distinct().toList();
        var hash = ApiKeyAuthentication.digest(key);
        return Authorization.user(caller, Permission.API_KEYS_MANAGE)
                .flatMap(user -> keys.insert(id, caller.organisationId(), name.strip(), distinct, hash, user.userId()))
                .then(outbox.append(CommandEvents.by(caller, ApiKeyCreated.TYPE, id,
                        new ApiKeyCreated(id, name.strip(), distinct.stream().map(Scope::code).toList(),
                                ApiKeyAuthentication.digestText(key)))))
                .as(transaction::transactional)
                .thenReturn(new CreatedKey(id, key));
    }

    public Flux<ApiKeyView> list(Caller caller) {
        return Authorization.user(caller, Permission.API_KEYS_MANAGE).thenMany(keys.list(caller.organisationId()));
    }

    /**
     * Revoking twice is harmless; another organisation's key is not found. Every service refuses
     * the key from the next request on (recorded before the change, which fails if that fails).
     */
    public Mono<Void> revoke(Caller caller, UUID id) {
        return Authorization.user(caller, Permission.API_KEYS_MANAGE)
                .then(keys.digest(caller.organisationId(), id))
                .switchIfEmpty(Mono.error(Authorization.notFound("API key", id)))
                .flatMap(revocations::revokeKey)
                .then(keys.revoke(caller.organisationId(), id))
                .flatMap(revokedNow -> revokedNow
                        ? outbox.append(CommandEvents.by(caller, ApiKeyRevoked.TYPE, id, new ApiKeyRevoked(id))).then()
                        : Mono.<Void>empty())
                .as(transaction::transactional);
    }
}
