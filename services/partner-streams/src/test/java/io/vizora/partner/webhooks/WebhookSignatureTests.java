package io.vizora.partner.webhooks;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class WebhookSignatureTests {

    @Test
    void signsLikeTheStandardWebhooksExample() {
        assertThat(WebhookSignature.sign("whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw", "msg_p5jXN8AQM9LWM0D4loKWxJek", 1614265330,
                "{\"test\": 2432232314}")).isEqualTo("v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=");
    }

    @Test
    void aDifferentTimestampGivesADifferentSignatureSoOldMessagesCannotBeReplayedAsNew() {
        var secret = WebhookSignature.newSecret();
        assertThat(WebhookSignature.sign(secret, "id", 1, "{}")).isNotEqualTo(WebhookSignature.sign(secret, "id", 2, "{}"));
    }

    @Test
    void everyEndpointGetsItsOwnSecret() {
        assertThat(WebhookSignature.newSecret()).startsWith("whsec_").isNotEqualTo(WebhookSignature.newSecret());
    }
}
