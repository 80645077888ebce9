package io.vizora.consumer;

import org.springframework.r2dbc.core.DatabaseClient;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import java.util.ArrayList;
import java.util.List;
import java.util.function.BiFunction;
import java.util.function.Predicate;

/**
 * Splits a batch into runs of consecutive events a fold can write in one statement and runs of
 * the others, keeping their order: the runs are applied one after the other, so the state is the
 * same as applying every event in turn.
 */
public final class EventRuns {

    private EventRuns() {
    }

    /** A run of consecutive events; {@code together}: they all passed the test and go in one statement. */
    public record Run(boolean together, List<ConsumedEvent> events) {
    }

    public static List<Run> split(List<ConsumedEvent> events, Predicate<ConsumedEvent> together) {
        var runs = new ArrayList<Run>();
        for (var event : events) {
            var joins = together.test(event);
            if (runs.isEmpty() || runs.getLast().together() != joins) {
                runs.add(new Run(joins, new ArrayList<>()));
            }
            runs.getLast().events().add(event);
        }
        return runs;
    }

    /** Applies the runs in order: the events passing the test a run at a time, the others one by one. */
    public static Mono<Void> apply(List<ConsumedEvent> events, DatabaseClient db, Predicate<ConsumedEvent> together,
                                   BiFunction<List<ConsumedEvent>, DatabaseClient, Mono<Void>> inOneStatement, EventHandler oneByOne) {
        return Flux.fromIterable(split(events, together))
                .concatMap(run -> run.together() ? inOneStatement.apply(run.events(), db)
                        : Flux.fromIterable(run.events()).concatMap(event -> oneByOne.apply(event, db)).then())
                .then();
    }
}
