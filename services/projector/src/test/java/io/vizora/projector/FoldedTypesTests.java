package io.vizora.projector;

import io.vizora.consumer.CloudEventReader;
import io.vizora.consumer.ConsumedEvent;
import io.vizora.consumer.EventHandler;
import io.vizora.projector.audit.AuditFold;
import io.vizora.projector.commands.CommandFold;
import io.vizora.projector.keys.KeyFold;
import io.vizora.projector.state.StateFolds;
import io.vizora.schemas.EventContract;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.r2dbc.core.DatabaseClient;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.Proxy;
import java.time.Duration;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A fold names the event types it folds, and its consumer passes over the others unchecked and
 * unrecorded. So the names must be exactly the types that have an effect: a type left out would
 * be lost silently. Each type's golden sample is folded against a database that fails on any use.
 */
class FoldedTypesTests {

    private static final EventContract CONTRACT = EventContract.load();
    private static final CloudEventReader READER = new CloudEventReader(CONTRACT);

    static Stream<Arguments> foldsAndTypes() {
        var folds = Stream.of(new StateFolds(() -> { }), new AuditFold(), new KeyFold(), new CommandFold(null));
        return folds.flatMap(fold -> CONTRACT.catalogue().eventTypes().stream().map(type -> Arguments.of(fold, type)));
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("foldsAndTypes")
    void aFoldNamesExactlyTheTypesItHasAnEffectFor(EventHandler fold, String type) {
        assertThat(fold.folds(type)).as("folds " + type).isEqualTo(touchesTheDatabase(fold, sample(type)));
    }

    private static boolean touchesTheDatabase(EventHandler fold, ConsumedEvent event) {
        var untouchable = (DatabaseClient) Proxy.newProxyInstance(DatabaseClient.class.getClassLoader(), new Class<?>[] {DatabaseClient.class},
                (proxy, method, arguments) -> {
                    throw new Touched();
                });
        try {
            fold.apply(event, untouchable).block(Duration.ofSeconds(5));
            return false;
        } catch (Touched touched) {
            return true;
        }
    }

    private static ConsumedEvent sample(String type) {
        try (var in = FoldedTypesTests.class.getClassLoader().getResourceAsStream("vizora/samples/" + type + ".json")) {
            var bytes = in.readAllBytes();
            return READER.read(new ConsumerRecord<>(CONTRACT.catalogue().topicFor(type).name(), 0, 0L, "key", bytes));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static final class Touched extends RuntimeException {
    }
}
