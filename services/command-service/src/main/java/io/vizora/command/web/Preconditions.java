package io.vizora.command.web;

import io.vizora.command.domain.ExpectedVersion;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

import java.util.HashSet;
import java.util.regex.Pattern;

/**
 * Versions as HTTP carries them (RFC 9110): an object's version goes out as a strong ETag, and an
 * update's If-Match names the versions it was made from.
 */
public final class Preconditions {

    private static final Pattern VERSION_TAG = Pattern.compile("\"(\\d{1,18})\"");

    private Preconditions() {
    }

    public static <T> ResponseEntity<T> tagged(ResponseEntity.BodyBuilder response, long version, T body) {
        return response.eTag("\"" + version + "\"").body(body);
    }

    /** Absent or "*" admits any version; anything but a list of this service's tags is a bad request naming the header. */
    public static ExpectedVersion expected(String ifMatch) {
        if (ifMatch == null || ifMatch.isBlank() || ifMatch.strip().equals("*")) {
            return ExpectedVersion.ANY;
        }
        var versions = new HashSet<Long>();
        for (var tag : ifMatch.split(",", -1)) {
            var matcher = VERSION_TAG.matcher(tag.strip());
            if (!matcher.matches()) {
                throw new DomainProblem(HttpStatus.BAD_REQUEST, "Invalid request",
                        "If-Match must be the ETag of the version the change was made from, such as \"3\".")
                        .with("errors", java.util.List.of(java.util.Map.of("field", "If-Match", "message", "must be an ETag this service sent")));
            }
            versions.add(Long.parseLong(matcher.group(1)));
        }
        return new ExpectedVersion(versions);
    }

    /** 412 for an update made from a version that is no longer the current one, saying which is. */
    public static DomainProblem stale(String what, Object id, long current) {
        return new DomainProblem(HttpStatus.PRECONDITION_FAILED, "Changed meanwhile",
                what + " " + id + " was changed by someone else since you loaded it; it is now at version " + current
                        + ". Load it again and redo your change.")
                .with("currentVersion", current);
    }
}
