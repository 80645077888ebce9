package io.vizora.agent.kiosk;

import io.vizora.agent.Pairing;
import io.vizora.agent.QrScanner;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

class QrCodeTests {

    @Test
    void theCodeOfAPairingScansAsTheConsolesPairingPageWithTheCodeFilledIn() throws Exception {
        var pairing = Pairing.of("KX7R-M2QD", Instant.parse("2026-12-05T12:00:00Z"), URI.create("https://signage.example.org/"));

        assertThat(pairing.url()).hasToString("https://signage.example.org/displays/pair?code=KX7R-M2QD");
        assertThat(QrScanner.scan(QrCode.matrix(pairing.url().toString()))).isEqualTo("https://signage.example.org/displays/pair?code=KX7R-M2QD");
    }

    @Test
    void theSvgDrawsEveryDarkModuleOnALightSquareWithAQuietZone() {
        var matrix = QrCode.matrix("https://signage.example.org/displays/pair?code=KX7R-M2QD");
        var svg = QrCode.svg("https://signage.example.org/displays/pair?code=KX7R-M2QD");

        int dark = 0;
        for (int y = 0; y < matrix.getHeight(); y++) {
            for (int x = 0; x < matrix.getWidth(); x++) {
                dark += matrix.get(x, y) ? 1 : 0;
            }
        }
        assertThat(svg).startsWith("<svg").contains("viewBox=\"0 0 " + matrix.getWidth() + " " + matrix.getHeight() + "\"")
                .contains("fill=\"#fff\"");
        assertThat(svg.split("h1v1h-1z", -1)).hasSize(dark + 1);
        // four light modules around the code, as scanners expect
        assertThat(matrix.get(3, 3)).isFalse();
        assertThat(svg).doesNotContain("M0 0h1");
    }
}
