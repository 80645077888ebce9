package io.vizora.platform.edge;

import org.junit.jupiter.api.Test;
import org.springframework.security.web.server.firewall.StrictServerWebExchangeFirewall;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

import static org.assertj.core.api.Assertions.assertThat;

class HeaderTextTests {

    // the strict firewall's own rules, as the firewall would apply them without HeaderText
    private static final Predicate<String> NAME = StrictServerWebExchangeFirewall.ALLOWED_HEADER_NAMES;
    private static final Predicate<String> VALUE = StrictServerWebExchangeFirewall.ALLOWED_HEADER_VALUES;

    @Test
    void everyCharacterIsJudgedAsTheFirewallsExpressionsJudgeIt() {
        var texts = new ArrayList<>(List.of("", "Authorization", "Bearer eyJhbGciOiJFUzI1NiJ9.e30.c2ln", "a\tb", "\t", "caf\u00e9",
                "emoji \uD83D\uDE00", "lone \uD800 surrogate", "\uDC00", "nul \u0000", "del \u007f", "c1 \u0085", "line\nfeed", "cr\r"));
        for (int c = 0; c <= 0x10FFFF; c += c < 0x3000 ? 1 : 97) {
            texts.add("x" + Character.toString(c) + "y");
        }
        for (var text : texts) {
            assertThat(HeaderText.name(text)).as("name %s", text.codePoints().boxed().toList()).isEqualTo(NAME.test(text));
            assertThat(HeaderText.value(text)).as("value %s", text.codePoints().boxed().toList()).isEqualTo(VALUE.test(text));
        }
    }

    @Test
    void aHeaderTheRequestDoesNotHaveIsNothingToRefuse() {
        assertThat(HeaderText.name(null)).isEqualTo(NAME.test(null)).isTrue();
        assertThat(HeaderText.value(null)).isEqualTo(VALUE.test(null)).isTrue();
    }
}
