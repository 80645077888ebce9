package io.vizora.command;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.vizora.outbox.CloudEventEncoder;
import io.vizora.outbox.OutboxWriter;
import io.vizora.schemas.EventContract;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.security.crypto.argon2.Argon2PasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.transaction.ReactiveTransactionManager;
import org.springframework.transaction.reactive.TransactionalOperator;
import tools.jackson.databind.json.JsonMapper;

import java.time.Clock;

@Configuration(proxyBeanMethods = false)
class CommandConfiguration {

    /** Events leave absent optional fields out: the schemas have no nulls. */
    @Bean
    OutboxWriter outboxWriter(DatabaseClient db, JsonMapper json) {
        var withoutNulls = json.rebuild()
                .changeDefaultPropertyInclusion(inclusion -> inclusion.withValueInclusion(JsonInclude.Include.NON_NULL))
                .build();
        return new OutboxWriter(db, new CloudEventEncoder("command-service", EventContract.load(), withoutNulls, Clock.systemUTC()));
    }

    @Bean
    TransactionalOperator transactionalOperator(ReactiveTransactionManager transactions) {
        return TransactionalOperator.create(transactions);
    }

    /** Argon2id with OWASP's recommended parameters (Spring Security's defaults since 5.8). */
    @Bean
    PasswordEncoder passwordEncoder() {
        return Argon2PasswordEncoder.defaultsForSpringSecurity_v5_8();
    }
}
