package io.vizora.command.content.domain;

import io.vizora.command.domain.RuleViolation;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;

/**
 * A web page shown by URL. Only absolute http(s) addresses without credentials in them: a
 * screen must not be pointed at javascript:, file: or a password that ends up in every log.
 * Its digest is the SHA-256 of the address, so a changed address is a changed item.
 */
public record WebPage(URI url) {

    public static final int MAX_LENGTH = 2048;

    public static WebPage of(String address) {
        var trimmed = address.strip();
        if (trimmed.length() > MAX_LENGTH) {
            throw invalid("the address is longer than " + MAX_LENGTH + " characters");
        }
        URI uri;
        try {
            uri = new URI(trimmed);
        } catch (URISyntaxException e) {
            throw invalid("'" + trimmed + "' is not a valid address");
        }
        var scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("https") && !scheme.equals("http")) {
            throw invalid("the address must start with https:// or http://");
        }
        if (uri.getHost() == null || uri.getHost().isBlank()) {
            throw invalid("the address has no host");
        }
        if (uri.getRawUserInfo() != null) {
            throw invalid("the address must not carry a user name or password");
        }
        // the contract's addresses are ASCII: other characters travel percent-encoded, as a browser sends them
        return new WebPage(URI.create(uri.toASCIIString()));
    }

    public String sha256() {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(url.toString().getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static RuleViolation invalid(String problem) {
        return new RuleViolation("Invalid web page", List.of(problem));
    }
}
