package io.vizora.schemas;

import com.networknt.schema.ExecutionContext;
import com.networknt.schema.format.Format;
import com.networknt.schema.format.UriFormat;
import org.junit.jupiter.api.Test;

import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

class RememberedFormatTests {

    private final UriFormat library = new UriFormat();
    private final AtomicInteger checks = new AtomicInteger();
    private final Format counted = new Format() {
        @Override
        public String getName() {
            return library.getName();
        }

        @Override
        public boolean matches(ExecutionContext context, String value) {
            checks.incrementAndGet();
            return library.matches(context, value);
        }
    };

    @Test
    void aRememberedAnswerIsTheFormatsAnswerAndIsCheckedOnce() {
        var remembered = new RememberedFormat(counted, 10);
        var values = new String[]{"https://schemas.vizora.io/events/fleet/display_paired.v1.schema.json", "relative/path", "not a uri", ""};
        for (int round = 0; round < 3; round++) {
            for (var value : values) {
                assertThat(remembered.matches(null, value)).as(value).isEqualTo(library.matches(null, value));
            }
        }
        assertThat(checks).hasValue(values.length);
        assertThat(remembered.getName()).isEqualTo("uri");
    }

    @Test
    void pastItsCapacityValuesAreStillCheckedEveryTime() {
        var remembered = new RememberedFormat(counted, 1);
        assertThat(remembered.matches(null, "https://a.example/1")).isTrue();
        assertThat(remembered.matches(null, "not a uri")).isFalse();
        assertThat(remembered.matches(null, "not a uri")).isFalse();
        assertThat(remembered.matches(null, "https://a.example/1")).isTrue();
        assertThat(checks).hasValue(3);
    }
}
