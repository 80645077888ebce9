package io.vizora.partner.webhooks;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

import java.net.InetAddress;
import java.net.UnknownHostException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class WebhookTargetsTests {

    /** Resolves host names that are literal addresses, and "partner.example" to a public one. */
    private static InetAddress[] resolve(String host) throws UnknownHostException {
        return new InetAddress[] {InetAddress.getByName(host.equals("partner.example") ? "93.184.216.34" : host)};
    }

    private final WebhookTargets production = new WebhookTargets(false, WebhookTargetsTests::resolve);

    @Test
    void aPublicHttpsUrlMayReceiveWebhooks() {
        assertThat(production.check("https://partner.example/hooks/vizora?tenant=7")).hasHost("partner.example");
    }

    @ParameterizedTest
    @ValueSource(strings = {"http://127.0.0.1/hook", "http://10.1.2.3/hook", "http://192.168.0.10/", "http://172.16.5.5/",
            "http://169.254.169.254/latest/meta-data/", "http://[::1]/hook", "http://[fd00::1]/hook", "http://0.0.0.0/",
            // shared address space (a cloud's metadata service among them), benchmarking, reserved, IETF and documentation blocks
            "http://100.100.100.200/latest/meta-data/", "http://100.64.0.1/", "http://198.18.0.1/", "http://192.0.0.8/", "http://240.0.0.1/",
            "http://255.255.255.255/", "http://192.0.2.1/", "http://[2001:db8::1]/",
            // IPv6 forms that embed a private IPv4 address: NAT64, IPv4-compatible, 6to4, Teredo; and IPv6 site-local
            "http://[64:ff9b::a9fe:a9fe]/", "http://[::127.0.0.1]/", "http://[::a00:1]/", "http://[2002:a00:1::]/", "http://[2001:0::1]/",
            "http://[fec0::1]/", "http://[::]/"})
    void privateLoopbackLinkLocalAndOtherSpecialPurposeAddressesAreRefused(String url) {
        assertThatThrownBy(() -> production.check(url)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("private, loopback, link-local or otherwise special-purpose");
    }

    @ParameterizedTest
    @ValueSource(strings = {"http://8.8.8.8/", "http://100.63.255.255/", "http://100.128.0.0/", "http://198.20.0.1/", "http://[2606:4700::1111]/",
            "http://223.255.255.255/"})
    void addressesJustOutsideThoseBlocksAndPublicOnesAreAccepted(String url) {
        assertThat(production.check(url)).isNotNull();
    }

    @ParameterizedTest
    @ValueSource(strings = {"ftp://partner.example/", "/relative/hook", "https://user:password@partner.example/", "not a url",
            "https://partner.example/#fragment", "file:///etc/passwd"})
    void onlyAbsoluteHttpUrlsWithoutCredentialsAreAccepted(String url) {
        assertThatThrownBy(() -> production.check(url)).isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("url ");
    }

    @Test
    void aDevelopersMachineMayAllowLoopbackReceivers() {
        assertThat(new WebhookTargets(true, WebhookTargetsTests::resolve).check("http://127.0.0.1:9000/hook")).hasPort(9000);
    }
}
