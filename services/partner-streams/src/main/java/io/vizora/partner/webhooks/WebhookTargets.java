package io.vizora.partner.webhooks;

import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Locale;

/**
 * Where a webhook may point: an absolute http(s) URL without credentials whose host resolves only
 * to public addresses. Loopback, private, link-local (cloud metadata) and every other
 * special-purpose address ({@link SpecialPurposeAddresses}) are refused unless the installation allows them (a developer's machine), because otherwise a webhook
 * would let any operator make Vizora send requests into its own network.
 */
public final class WebhookTargets {

    /** Resolves a host name; the JDK's resolver in production. */
    @FunctionalInterface
    public interface Resolver {
        InetAddress[] resolve(String host) throws UnknownHostException;
    }

    private final boolean allowPrivate;
    private final Resolver resolver;

    public WebhookTargets(boolean allowPrivate, Resolver resolver) {
        this.allowPrivate = allowPrivate;
        this.resolver = resolver;
    }

    /** The URL as a URI if it may receive webhooks; otherwise an exception that says why not. */
    public URI check(String url) {
        URI uri;
        try {
            uri = new URI(url);
        } catch (Exception e) {
            throw new IllegalArgumentException("url is not a valid URL");
        }
        var scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!uri.isAbsolute() || !(scheme.equals("https") || scheme.equals("http")) || uri.getHost() == null) {
            throw new IllegalArgumentException("url must be an absolute http or https URL");
        }
        if (uri.getRawUserInfo() != null) {
            throw new IllegalArgumentException("url must not contain credentials; the signature authenticates Vizora");
        }
        if (uri.getRawFragment() != null) {
            throw new IllegalArgumentException("url must not have a fragment");
        }
        requirePublic(uri.getHost());
        return uri;
    }

    /** Checked again before each delivery: a name may resolve elsewhere since it was registered. */
    public void requirePublic(String host) {
        addresses(host);
    }

    /**
     * The host's addresses, each checked: the connection of a delivery is made to these and no
     * other ({@link CheckedAddresses}), so a name whose answer changes after a check (DNS
     * rebinding) cannot lead it into the network.
     */
    public List<InetAddress> addresses(String host) {
        InetAddress[] addresses;
        try {
            addresses = resolver.resolve(host);
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException("url's host " + host + " does not resolve");
        }
        for (var address : addresses) {
            if (!allowPrivate && SpecialPurposeAddresses.contains(address)) {
                throw new IllegalArgumentException("url's host " + host + " is a private, loopback, link-local or otherwise special-purpose address");
            }
        }
        return List.of(addresses);
    }
}
