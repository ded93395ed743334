package com.sethihemant.site.bake;

import org.junit.jupiter.api.Test;

import javax.imageio.ImageIO;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Random;
import java.util.zip.DataFormatException;
import java.util.zip.Inflater;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PngTest {

    @Test
    void aDecoderReadsBackEveryPixel() throws IOException {
        BufferedImage image = new BufferedImage(301, 157, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setColor(new Color(0xfbfaf7));
        g.fillRect(0, 0, 301, 157);
        g.setColor(new Color(0x0b6279));
        g.fillOval(20, 10, 200, 120);
        g.setColor(new Color(0x1b1c1e));
        g.drawLine(0, 156, 300, 0);
        Random noise = new Random(7);
        for (int i = 0; i < 500; i++) {
            image.setRGB(noise.nextInt(301), noise.nextInt(157), noise.nextInt(0x1000000));
        }
        g.dispose();

        BufferedImage read = ImageIO.read(new ByteArrayInputStream(Png.write(image)));
        assertEquals(301, read.getWidth());
        assertEquals(157, read.getHeight());
        for (int y = 0; y < 157; y++) {
            for (int x = 0; x < 301; x++) {
                assertEquals(image.getRGB(x, y) & 0xffffff, read.getRGB(x, y) & 0xffffff, "pixel " + x + "," + y);
            }
        }
    }

    @Test
    void zlibStreamsInflateToTheirInput() throws DataFormatException {
        Random random = new Random(42);
        byte[] mixed = new byte[200_000];
        for (int i = 0; i < mixed.length; i++) {
            // Runs, repeats at a distance and noise: every kind of symbol the encoder writes.
            mixed[i] = (byte) (i % 1000 < 400 ? 0 : i % 1000 < 700 ? mixed[Math.max(0, i - 3000)] + 1 : random.nextInt());
        }
        for (byte[] data : new byte[][]{new byte[0], new byte[]{5}, new byte[70_000], mixed}) {
            Inflater inflater = new Inflater();
            inflater.setInput(Png.zlib(data));
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            byte[] buffer = new byte[8192];
            while (!inflater.finished()) {
                int n = inflater.inflate(buffer);
                assertTrue(n > 0 || inflater.finished(), "the stream ends early");
                out.write(buffer, 0, n);
            }
            inflater.end();
            assertArrayEquals(data, out.toByteArray());
        }
    }

    @Test
    void theSamePixelsGiveTheSameBytes() {
        BufferedImage image = new BufferedImage(64, 64, BufferedImage.TYPE_INT_RGB);
        image.setRGB(3, 5, 0x123456);
        assertArrayEquals(Png.write(image), Png.write(image));
    }
}
