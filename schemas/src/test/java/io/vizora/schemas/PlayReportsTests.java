package io.vizora.schemas;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

class PlayReportsTests {

    private static final EventContract CONTRACT = EventContract.load();

    private static ObjectNode sample(String type) {
        return (ObjectNode) JsonMapper.shared().readTree(GoldenSamples.of(type));
    }

    @Test
    void eachPlayOfAReportReadsAsTheDataOfOnePlayWithItsId() {
        var report = sample(PlayReports.REPORT);

        var plays = PlayReports.plays(PlayReports.REPORT, UUID.fromString(report.get("id").asString()), report.get("data"));

        assertThat(plays).extracting(play -> play.id().toString())
                .containsExactly("019ac25e-8f40-7a3b-9c1d-2e4f6a8b0c11", "019ac25e-b652-7d0e-8f3a-5b7c9d1e2f22");
        assertThat(plays).allSatisfy(play -> {
            assertThat(play.data().get("displayId").asString()).isEqualTo("939ae232-588e-4bce-b71e-d78a1dc02e27");
            assertThat(play.data().has("playId")).isFalse();
            assertThat(CONTRACT.violations(eventOfOnePlay(play))).isEmpty();
        });
        assertThat(plays.get(1).data().get("error").get("stage").asString()).isEqualTo("download");
    }

    @Test
    void anEventOfOnePlayReadsAsThatPlayUnderTheEventsId() {
        var event = sample(PlayReports.PLAY);
        var id = UUID.fromString(event.get("id").asString());

        assertThat(PlayReports.plays(PlayReports.PLAY, id, event.get("data")))
                .singleElement().satisfies(play -> {
                    assertThat(play.id()).isEqualTo(id);
                    assertThat(play.data()).isEqualTo(event.get("data"));
                });
    }

    @Test
    void aReportWithOneBadPlayBreaksTheContractAndTheProblemNamesThatPlay() {
        var report = sample(PlayReports.REPORT);
        ((ObjectNode) report.get("data").get("plays").get(1)).put("outcome", "skipped");

        assertThat(CONTRACT.violations(report)).singleElement().asString().startsWith("data: /plays/1").contains("outcome");
    }

    @Test
    void aReportWithoutPlayIdsOrWithMoreThanFiveHundredPlaysBreaksTheContract() {
        var withoutId = sample(PlayReports.REPORT);
        ((ObjectNode) withoutId.get("data").get("plays").get(0)).remove("playId");
        var tooMany = sample(PlayReports.REPORT);
        var plays = (ArrayNode) tooMany.get("data").get("plays");
        while (plays.size() <= PlayReports.MAX_PLAYS) {
            plays.add(plays.get(0).deepCopy());
        }

        assertThat(CONTRACT.violations(withoutId)).isNotEmpty().allSatisfy(problem -> assertThat(problem).contains("playId"));
        assertThat(CONTRACT.violations(tooMany)).isNotEmpty();
    }

    @Test
    void theSameDisplayAndPlaysGiveTheSameReportIdAndAnyOtherPlaysAnother() {
        var display = UUID.randomUUID();
        var ids = List.of(UUID.randomUUID().toString(), UUID.randomUUID().toString());

        assertThat(PlayReports.reportId(display, ids)).isEqualTo(PlayReports.reportId(display, List.copyOf(ids)))
                .isNotEqualTo(PlayReports.reportId(display, ids.subList(0, 1)))
                .isNotEqualTo(PlayReports.reportId(UUID.randomUUID(), ids));
    }

    private static JsonNode eventOfOnePlay(PlayReports.Play play) {
        var event = sample(PlayReports.PLAY);
        event.put("id", play.id().toString());
        event.set("data", play.data());
        return event;
    }
}
