package io.vizora.agent;

import com.google.zxing.BinaryBitmap;
import com.google.zxing.DecodeHintType;
import com.google.zxing.NotFoundException;
import com.google.zxing.RGBLuminanceSource;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.QRCodeReader;

import java.awt.image.BufferedImage;
import java.util.Map;

/** What a phone's camera reads from a QR code: ZXing's reader over the pixels. */
public final class QrScanner {

    private QrScanner() {
    }

    /** The text of the QR code somewhere in a picture of a screen. */
    public static String scan(BufferedImage picture) throws Exception {
        var pixels = picture.getRGB(0, 0, picture.getWidth(), picture.getHeight(), null, 0, picture.getWidth());
        return decode(picture.getWidth(), picture.getHeight(), pixels);
    }

    /** The text of a QR code's modules drawn at 4 pixels each. */
    public static String scan(BitMatrix matrix) throws Exception {
        int scale = 4;
        int width = matrix.getWidth() * scale;
        int height = matrix.getHeight() * scale;
        var pixels = new int[width * height];
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                pixels[y * width + x] = matrix.get(x / scale, y / scale) ? 0xFF000000 : 0xFFFFFFFF;
            }
        }
        return decode(width, height, pixels);
    }

    private static String decode(int width, int height, int[] pixels) throws NotFoundException, com.google.zxing.ChecksumException,
            com.google.zxing.FormatException {
        var bitmap = new BinaryBitmap(new HybridBinarizer(new RGBLuminanceSource(width, height, pixels)));
        return new QRCodeReader().decode(bitmap, Map.of(DecodeHintType.TRY_HARDER, Boolean.TRUE)).getText();
    }
}
