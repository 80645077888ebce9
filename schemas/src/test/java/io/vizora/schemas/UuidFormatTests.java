package io.vizora.schemas;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

class UuidFormatTests {

    /** The validator library's own definition, which the contract's uuid format must keep. */
    private static final Pattern LIBRARY = Pattern.compile("^\\p{XDigit}{8}-\\p{XDigit}{4}-\\p{XDigit}{4}-\\p{XDigit}{4}-\\p{XDigit}{12}$");
    private static final com.networknt.schema.Schema UUID_SCHEMA = EventContract.registry().getSchema("{\"type\": \"string\", \"format\": \"uuid\"}");

    @ParameterizedTest
    @ValueSource(strings = {"0b9d6f3e-3c1a-4f6e-9a57-2f4b8c1d7e90", "0B9D6F3E-3C1A-4F6E-9A57-2F4B8C1D7E90", "00000000-0000-0000-0000-000000000000",
            "0b9d6f3e3c1a-4f6e-9a57-2f4b8c1d7e90-", "0b9d6f3e-3c1a-4f6e-9a57-2f4b8c1d7e9", "0b9d6f3e-3c1a-4f6e-9a57-2f4b8c1d7e900",
            "0b9d6f3g-3c1a-4f6e-9a57-2f4b8c1d7e90", "0b9d6f3e_3c1a-4f6e-9a57-2f4b8c1d7e90", "０b9d6f3e-3c1a-4f6e-9a57-2f4b8c1d7e90",
            " b9d6f3e-3c1a-4f6e-9a57-2f4b8c1d7e90", "", "{0b9d6f3e-3c1a-4f6e-9a57-2f4b8c1d7e90}"})
    void aUuidIsWhatTheLibrarysPatternAccepts(String value) {
        var accepted = UUID_SCHEMA.validate("\"" + value + "\"", com.networknt.schema.InputFormat.JSON).isEmpty();
        assertThat(accepted).isEqualTo(LIBRARY.matcher(value).matches());
    }
}
