package io.vizora.consumer;

import io.vizora.schemas.ContractViolationException;
import io.vizora.schemas.EventContract;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CloudEventReaderTests {

    private static final EventContract CONTRACT = EventContract.load();
    private static final CloudEventReader READER = new CloudEventReader(CONTRACT);
    private static final String TYPE = "vizora.fleet.display_group_renamed.v1";

    /** The golden sample of a group's rename with a name longer than its schema allows. */
    private static byte[] renameBreakingTheContract() {
        try (var in = CloudEventReaderTests.class.getClassLoader().getResourceAsStream("vizora/samples/" + TYPE + ".json")) {
            var event = (ObjectNode) JsonMapper.shared().readTree(in.readAllBytes());
            ((ObjectNode) event.get("data")).put("name", "x".repeat(10_000));
            return JsonMapper.shared().writeValueAsBytes(event);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static ConsumerRecord<String, byte[]> record(byte[] event, String stamp) {
        var record = new ConsumerRecord<String, byte[]>("vizora.fleet", 0, 7, "key", event);
        if (stamp != null) {
            record.headers().add(EventContract.CHECKED_HEADER, stamp.getBytes(StandardCharsets.UTF_8));
        }
        return record;
    }

    @Test
    void anEventWithoutAStampIsCheckedAndRefusedWhenItBreaksTheContract() {
        assertThatThrownBy(() -> READER.read(record(renameBreakingTheContract(), null)))
                .isInstanceOf(ContractViolationException.class).hasMessageContaining("name");
    }

    @Test
    void anEventStampedByAnotherVersionOfTheContractIsCheckedAgain() {
        assertThatThrownBy(() -> READER.read(record(renameBreakingTheContract(), "sha256:an-older-contract")))
                .isInstanceOf(ContractViolationException.class);
    }

    @Test
    void anEventStampedWithThisContractIsTakenAsItsProducerCheckedItWithoutAnotherCheck() {
        // what the stamp means: its producer found the event valid with the very same schemas, so this
        // reader does not look again (a producer that stamps what it did not check is a bug there)
        var event = READER.read(record(renameBreakingTheContract(), CONTRACT.stamp()));

        assertThat(event.type()).isEqualTo(TYPE);
        assertThat(event.data().get("name").asString()).hasSize(10_000);
    }
}
