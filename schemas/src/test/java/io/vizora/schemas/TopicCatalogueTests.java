package io.vizora.schemas;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TopicCatalogueTests {

    private static final TopicCatalogue CATALOGUE = TopicCatalogue.load();

    @Test
    void everyEventTypeTravelsOnTheTopicOfItsContext() {
        assertThat(CATALOGUE.eventTypes()).isNotEmpty().allSatisfy(type ->
                assertThat(CATALOGUE.topicFor(type).name()).isEqualTo("vizora." + EventType.parse(type).context()));
    }

    @Test
    void everyTopicHasADeadLetterTopicBesideIt() {
        assertThat(CATALOGUE.topics()).allSatisfy(topic ->
                assertThat(topic.deadLetterTopic()).isEqualTo(topic.name() + ".dlt"));
    }

    @Test
    void domainTopicsKeepTheirWholeHistorySoReadModelsCanBeRebuilt() {
        for (var name : new String[] {"vizora.identity", "vizora.fleet", "vizora.content", "vizora.scheduling", "vizora.playback"}) {
            var topic = topic(name);
            assertThat(topic.retentionMs()).as(name).isEqualTo(-1);
            assertThat(topic.cleanupPolicy()).as(name).isEqualTo("delete");
        }
    }

    @Test
    void manifestsAreCompactedByDisplay() {
        assertThat(topic("vizora.manifests").cleanupPolicy()).isEqualTo("compact");
    }

    @Test
    void anEventTypeOutsideTheCatalogueHasNoTopic() {
        assertThatThrownBy(() -> CATALOGUE.topicFor("vizora.fleet.nothing.v1"))
                .isInstanceOf(UnknownEventTypeException.class)
                .hasMessageContaining("vizora.fleet.nothing.v1");
    }

    private static Topic topic(String name) {
        return CATALOGUE.topics().stream().filter(t -> t.name().equals(name)).findFirst().orElseThrow();
    }
}
