package io.vizora.projector.query;

import org.springframework.http.HttpStatus;
import org.springframework.web.server.ResponseStatusException;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;

/**
 * The dates and instants a query may name: the years a fleet's records can hold, those a campaign
 * may have (2000 to 2199). A far-off one is refused with a 400 that names the parameter; let
 * through, it overflowed the schedule compiler's date arithmetic, Postgres's timestamps or
 * ClickHouse's dates into a 500.
 */
final class QueryPeriods {

    static final LocalDate EARLIEST = LocalDate.of(2000, 1, 1);
    static final LocalDate LATEST = LocalDate.of(2199, 12, 31);

    private QueryPeriods() {
    }

    static void requireWithin(String parameter, LocalDate date) {
        if (date.isBefore(EARLIEST) || date.isAfter(LATEST)) {
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST, parameter + " must be from " + EARLIEST + " to " + LATEST);
        }
    }

    static void requireWithin(String parameter, Instant instant) {
        if (instant.isBefore(EARLIEST.atStartOfDay(ZoneOffset.UTC).toInstant()) || !instant.isBefore(LATEST.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant())) {
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST, parameter + " must be from " + EARLIEST + " to " + LATEST + " (UTC)");
        }
    }

    /** Both ends of a period of instants. */
    static void requireWithin(Instant from, Instant to) {
        requireWithin("from", from);
        requireWithin("to", to);
    }
}
