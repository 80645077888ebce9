package io.vizora.command.domain;

import java.util.Set;

/**
 * The versions of an object an update was made from: a change is applied only to one of them, so an
 * edit made from a stale copy is refused instead of overwriting what someone else saved meanwhile.
 * {@link #ANY} is an update that names no version (older clients, scripts) and applies to whatever is there.
 */
public record ExpectedVersion(Set<Long> versions) {

    public static final ExpectedVersion ANY = new ExpectedVersion(Set.of());

    public ExpectedVersion {
        versions = Set.copyOf(versions);
    }

    public boolean admits(long current) {
        return versions.isEmpty() || versions.contains(current);
    }
}
