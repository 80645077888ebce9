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
            "http://169.254.169.254/latest/meta-data/", "http://[::1]/hook", "http://[fd00::1]/hook", "http://0.0.0.0/"})
    void privateLoopbackAndLinkLocalAddressesAreRefused(String url) {
        assertThatThrownBy(() -> production.check(url)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("private, loopback or link-local");
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
