package io.vizora.command.content.storage;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * Counts and hashes (SHA-256) the bytes that pass, and stops the stream once more than a limit
 * has passed: a file is measured while it streams, never held whole.
 */
final class MeasuredInputStream extends FilterInputStream {

    static final class TooLarge extends IOException {
        TooLarge(long limit) {
            super("more than " + limit + " bytes");
        }
    }

    private final MessageDigest digest;
    private long limit;
    private long count;
    private boolean exceeded;

    MeasuredInputStream(InputStream in, long limit) {
        super(in);
        this.limit = limit;
        try {
            this.digest = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Lowers the limit once the kind of file is known. */
    void limit(long limit) {
        this.limit = limit;
    }

    @Override
    public int read() throws IOException {
        var b = in.read();
        if (b >= 0) {
            passed(new byte[]{(byte) b}, 0, 1);
        }
        return b;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
        var n = in.read(buffer, offset, length);
        if (n > 0) {
            passed(buffer, offset, n);
        }
        return n;
    }

    @Override
    public long skip(long n) throws IOException {
        throw new IOException("a measured stream is read, not skipped");
    }

    @Override
    public boolean markSupported() {
        return false;
    }

    private void passed(byte[] buffer, int offset, int length) throws TooLarge {
        count += length;
        if (count > limit) {
            exceeded = true;
            throw new TooLarge(limit);
        }
        digest.update(buffer, offset, length);
    }

    long count() {
        return count;
    }

    boolean exceeded() {
        return exceeded;
    }

    String sha256() {
        return HexFormat.of().formatHex(digest.digest());
    }
}
