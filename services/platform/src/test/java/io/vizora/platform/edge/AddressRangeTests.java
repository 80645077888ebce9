package io.vizora.platform.edge;

import org.junit.jupiter.api.Test;

import java.net.InetAddress;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class AddressRangeTests {

    @Test
    void aRangeContainsTheAddressesOfItsPrefixOnly() throws Exception {
        var loopback = AddressRange.of("127.0.0.0/8");
        assertThat(loopback.contains(InetAddress.getByName("127.3.4.5"))).isTrue();
        assertThat(loopback.contains(InetAddress.getByName("128.0.0.1"))).isFalse();
        assertThat(AddressRange.of("10.1.2.0/23").contains(InetAddress.getByName("10.1.3.255"))).isTrue();
        assertThat(AddressRange.of("10.1.2.0/23").contains(InetAddress.getByName("10.1.4.0"))).isFalse();
    }

    @Test
    void aSingleAddressContainsItselfAndVersionsDoNotMix() throws Exception {
        assertThat(AddressRange.of("::1").contains(InetAddress.getByName("::1"))).isTrue();
        assertThat(AddressRange.of("::1").contains(InetAddress.getByName("127.0.0.1"))).isFalse();
        assertThat(AddressRange.of("127.0.0.1").contains(InetAddress.getByName("127.0.0.2"))).isFalse();
    }

    @Test
    void aRangeThatIsNoneIsRefusedWhenConfigured() {
        assertThatThrownBy(() -> AddressRange.of("10.0.0.0/x")).isInstanceOf(IllegalArgumentException.class);
    }
}
