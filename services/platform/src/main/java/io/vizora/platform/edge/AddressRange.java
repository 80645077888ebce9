package io.vizora.platform.edge;

import java.net.InetAddress;
import java.net.UnknownHostException;

/** An address or a CIDR range ({@code 127.0.0.0/8}, {@code ::1}), as trusted proxies are configured. */
record AddressRange(byte[] network, int prefix) {

    static AddressRange of(String text) {
        var slash = text.indexOf('/');
        try {
            var address = InetAddress.getByName(slash < 0 ? text.strip() : text.substring(0, slash).strip()).getAddress();
            return new AddressRange(address, slash < 0 ? address.length * 8 : Integer.parseInt(text.substring(slash + 1).strip()));
        } catch (UnknownHostException | NumberFormatException e) {
            throw new IllegalArgumentException("not an address or CIDR range: " + text, e);
        }
    }

    boolean contains(InetAddress address) {
        var bytes = address.getAddress();
        if (bytes.length != network.length) {
            return false;
        }
        for (int bit = 0; bit < prefix; bit++) {
            var mask = 0x80 >> (bit % 8);
            if ((bytes[bit / 8] & mask) != (network[bit / 8] & mask)) {
                return false;
            }
        }
        return true;
    }
}
