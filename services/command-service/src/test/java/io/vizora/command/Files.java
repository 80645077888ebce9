package io.vizora.command;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HexFormat;

/** Small real files for upload tests: what a type detector sees in them is what they are. */
public final class Files {

    private Files() {
    }

    public static byte[] png() {
        return image("png");
    }

    public static byte[] jpeg() {
        return image("jpeg");
    }

    /** The start of an ISO base-media (MP4) file: an ftyp box of brand mp42, then an empty mdat. */
    public static byte[] mp4() {
        var ftyp = new byte[]{0, 0, 0, 0x18, 'f', 't', 'y', 'p', 'm', 'p', '4', '2', 0, 0, 0, 0, 'm', 'p', '4', '2', 'i', 's', 'o', 'm'};
        var mdat = new byte[]{0, 0, 0, 0x10, 'm', 'd', 'a', 't', 1, 2, 3, 4, 5, 6, 7, 8};
        var file = Arrays.copyOf(ftyp, ftyp.length + mdat.length);
        System.arraycopy(mdat, 0, file, ftyp.length, mdat.length);
        return file;
    }

    public static byte[] html() {
        return "<!DOCTYPE html><html><body><script>alert(1)</script></body></html>".getBytes(StandardCharsets.UTF_8);
    }

    /** A PNG header followed by padding: detected as PNG, and as long as asked. */
    public static byte[] pngOfSize(int size) {
        return Arrays.copyOf(png(), size);
    }

    /** PUTs the bytes to a presigned URL of the object store; its status. */
    public static int put(String url, byte[] file) throws java.io.IOException, InterruptedException {
        try (var client = java.net.http.HttpClient.newHttpClient()) {
            return client.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(url)).PUT(java.net.http.HttpRequest.BodyPublishers.ofByteArray(file)).build(),
                    java.net.http.HttpResponse.BodyHandlers.discarding()).statusCode();
        }
    }

    public static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] image(String format) {
        var image = new BufferedImage(16, 9, BufferedImage.TYPE_INT_RGB);
        image.setRGB(3, 4, 0xff8800);
        var out = new ByteArrayOutputStream();
        try {
            ImageIO.write(image, format, out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }
}
