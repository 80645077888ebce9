package io.vizora.projector.keys;

import io.vizora.consumer.ConsumedEvent;
import io.vizora.consumer.EventHandler;
import io.vizora.platform.security.ApiKeyDirectory;
import org.springframework.r2dbc.core.DatabaseClient;
import reactor.core.publisher.Mono;

/** Partners' API keys, so that keys with a read scope can read here; every other identity event passes by. */
public final class KeyFold implements EventHandler {

    public static final ApiKeyDirectory KEYS = new ApiKeyDirectory("api_key");

    @Override
    public boolean folds(String type) {
        return ApiKeyDirectory.folds(type);
    }

    @Override
    public Mono<Void> apply(ConsumedEvent event, DatabaseClient db) {
        return KEYS.fold(db, event.type(), event.tenantId(), event.data());
    }
}
