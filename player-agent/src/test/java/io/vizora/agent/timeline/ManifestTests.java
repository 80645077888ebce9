package io.vizora.agent.timeline;

import io.vizora.agent.Json;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ManifestTests {

    private static final UUID A = UUID.randomUUID();
    private static final UUID B = UUID.randomUUID();
    private static final UUID CAMPAIGN = UUID.randomUUID();
    private static final String SHA_A = "a".repeat(64);
    private static final String SHA_B = "b".repeat(64);

    private static Map<String, Object> item(UUID content, String sha, int durationMs) {
        return Map.of("contentId", content.toString(), "url", "http://s3/" + content, "sha256", sha, "mediaType", "image/png",
                "durationMs", durationMs, "campaignId", CAMPAIGN.toString());
    }

    /** 09:00-10:00 a campaign of A (10 s) and B (20 s), 10:00-11:00 blank, 11:00-12:00 B alone. */
    private static Manifest manifest() {
        return Manifest.parse(Json.MAPPER.valueToTree(Map.of("displayId", UUID.randomUUID().toString(), "organisationId", UUID.randomUUID().toString(),
                "version", 42, "compiledAt", "2026-11-26T08:00:00Z", "timeZone", "Europe/Berlin",
                "validFrom", "2026-11-26T09:00:00Z", "validUntil", "2026-11-26T12:00:00Z",
                "slices", List.of(
                        Map.of("start", "2026-11-26T09:00:00Z", "end", "2026-11-26T10:00:00Z", "source", "campaign",
                                "campaignIds", List.of(CAMPAIGN.toString()), "items", List.of(item(A, SHA_A, 10_000), item(B, SHA_B, 20_000))),
                        Map.of("start", "2026-11-26T10:00:00Z", "end", "2026-11-26T11:00:00Z", "source", "blank", "campaignIds", List.of(), "items", List.of()),
                        Map.of("start", "2026-11-26T11:00:00Z", "end", "2026-11-26T12:00:00Z", "source", "campaign",
                                "campaignIds", List.of(CAMPAIGN.toString()), "items", List.of(item(B, SHA_B, 20_000)))))));
    }

    @Test
    void itemsLoopFromTheSliceStartEachForItsDuration() {
        var manifest = manifest();

        var due = manifest.due(Instant.parse("2026-11-26T09:00:45Z")).orElseThrow();

        assertThat(due.item().contentId()).isEqualTo(B);
        assertThat(due.startedAt()).isEqualTo(Instant.parse("2026-11-26T09:00:40Z"));
        assertThat(due.until()).isEqualTo(Instant.parse("2026-11-26T09:01:00Z"));
        assertThat(manifest.due(Instant.parse("2026-11-26T09:01:05Z")).orElseThrow().item().contentId()).isEqualTo(A);
    }

    /** Its timeline starts when it was compiled: a screen whose clock is behind the server's is before it, and must not stay black. */
    @Test
    void beforeTheTimelinesStartTheFirstSlicesFirstItemIsDueUntilTheSliceLoopsOn() {
        var due = manifest().due(Instant.parse("2026-11-26T08:59:30Z")).orElseThrow();

        assertThat(due.item().contentId()).isEqualTo(A);
        assertThat(due.startedAt()).as("as at the slice's start").isEqualTo(Instant.parse("2026-11-26T09:00:00Z"));
        assertThat(due.until()).isEqualTo(Instant.parse("2026-11-26T09:00:10Z"));
    }

    @Test
    void aBlankSliceHasNothingDue() {
        assertThat(manifest().due(Instant.parse("2026-11-26T10:30:00Z"))).isEmpty();
    }

    @Test
    void pastItsEndTheManifestLoopsItsLastPlayableSlice() {
        var manifest = manifest();
        var later = Instant.parse("2026-11-30T08:00:00Z");

        assertThat(manifest.expired(later)).isTrue();
        assertThat(manifest.due(later)).isEmpty();
        assertThat(manifest.lastPlayable(later)).hasValueSatisfying(due -> {
            assertThat(due.item().contentId()).isEqualTo(B);
            assertThat(due.slice().start()).isEqualTo(Instant.parse("2026-11-26T11:00:00Z"));
        });
    }

    @Test
    void contentToCacheIsListedOnceInTheOrderTheTimelineNeedsIt() {
        assertThat(manifest().cacheable(Instant.parse("2026-11-26T09:30:00Z"))).extracting(item -> item.sha256()).containsExactly(SHA_A, SHA_B);
        assertThat(manifest().cacheable(Instant.parse("2026-11-26T10:30:00Z"))).extracting(item -> item.sha256()).containsExactly(SHA_B);
    }

    @Test
    void somethingThatIsNotAManifestIsRefusedWithAReason() {
        assertThatThrownBy(() -> Manifest.parse(Json.MAPPER.readTree("{\"version\": 1}")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("not a manifest");
    }
}
