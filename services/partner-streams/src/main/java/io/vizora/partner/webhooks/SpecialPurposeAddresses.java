package io.vizora.partner.webhooks;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;

/**
 * The address blocks a webhook must not reach: those IANA's special-purpose address registries
 * (RFC 6890 and its updates) do not mark globally reachable, and those that embed an IPv4 address
 * in an IPv6 one (NAT64, 6to4, IPv4-compatible), through which a private IPv4 address could be
 * reached. The JDK's own checks miss most of them: shared address space (100.64.0.0/10, where
 * some clouds serve instance metadata), benchmarking (198.18.0.0/15), the reserved 240.0.0.0/4.
 */
final class SpecialPurposeAddresses {

    private record Block(byte[] prefix, int bits) {

        boolean contains(byte[] address) {
            if (address.length != prefix.length) {
                return false;
            }
            for (int bit = 0; bit < bits; bit++) {
                var mask = 0x80 >>> (bit % 8);
                if ((address[bit / 8] & mask) != (prefix[bit / 8] & mask)) {
                    return false;
                }
            }
            return true;
        }
    }

    private static final List<Block> BLOCKS = List.of(
            // IPv4
            block("0.0.0.0/8"), block("10.0.0.0/8"), block("100.64.0.0/10"), block("127.0.0.0/8"), block("169.254.0.0/16"),
            block("172.16.0.0/12"), block("192.0.0.0/24"), block("192.0.2.0/24"), block("192.88.99.0/24"), block("192.168.0.0/16"),
            block("198.18.0.0/15"), block("198.51.100.0/24"), block("203.0.113.0/24"), block("224.0.0.0/4"), block("240.0.0.0/4"),
            // IPv6: unspecified, loopback and IPv4-compatible, IPv4-mapped, NAT64, discard, IETF assignments (Teredo
            // among them), documentation, 6to4, unique local, link-local, site-local, multicast
            block("::/96"), block("::ffff:0:0/96"), block("64:ff9b::/96"), block("64:ff9b:1::/48"), block("100::/64"),
            block("2001::/23"), block("2001:db8::/32"), block("2002::/16"), block("fc00::/7"), block("fe80::/10"), block("fec0::/10"),
            block("ff00::/8"));

    private SpecialPurposeAddresses() {
    }

    /** True when no webhook may be sent to this address. */
    static boolean contains(InetAddress address) {
        var bytes = address.getAddress();
        return BLOCKS.stream().anyMatch(block -> block.contains(bytes));
    }

    private static Block block(String cidr) {
        var slash = cidr.indexOf('/');
        try {
            // literals only: nothing is looked up
            return new Block(InetAddress.getByName(cidr.substring(0, slash)).getAddress(), Integer.parseInt(cidr.substring(slash + 1)));
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException(cidr, e);
        }
    }
}
