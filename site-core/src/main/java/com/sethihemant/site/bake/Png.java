package com.sethihemant.site.bake;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.zip.Adler32;
import java.util.zip.CRC32;

/**
 * Writes an image as a PNG (8-bit RGB) with a compressor of its own: LZ77 over a 32 KiB window
 * and deflate's fixed Huffman codes. {@code java.util.zip.Deflater} would compress better, but
 * its bytes are zlib's, and the zlib a JDK uses differs between platforms (the system's on Linux,
 * a bundled one elsewhere, zlib-ng on some distributions); this encoder gives the same bytes for
 * the same pixels everywhere, which keeps rebuilds byte-identical on every machine.
 */
final class Png {

    private static final byte[] SIGNATURE = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};
    private static final int WINDOW = 32 * 1024;
    private static final int MIN_MATCH = 3;
    private static final int MAX_MATCH = 258;
    private static final int HASH_BITS = 15;
    /** How many earlier places with the same three bytes are tried; enough for flat images. */
    private static final int CHAIN = 16;

    private static final int[] LENGTH_BASE = {3, 4, 5, 6, 7, 8, 9, 10, 11, 13, 15, 17, 19, 23, 27, 31, 35, 43, 51,
            59, 67, 83, 99, 115, 131, 163, 195, 227, 258};
    private static final int[] LENGTH_EXTRA = {0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 2, 2, 2, 2, 3, 3, 3, 3, 4, 4, 4,
            4, 5, 5, 5, 5, 0};
    private static final int[] DISTANCE_BASE = {1, 2, 3, 4, 5, 7, 9, 13, 17, 25, 33, 49, 65, 97, 129, 193, 257, 385,
            513, 769, 1025, 1537, 2049, 3073, 4097, 6145, 8193, 12289, 16385, 24577};
    private static final int[] DISTANCE_EXTRA = {0, 0, 0, 0, 1, 1, 2, 2, 3, 3, 4, 4, 5, 5, 6, 6, 7, 7, 8, 8, 9, 9,
            10, 10, 11, 11, 12, 12, 13, 13};

    private Png() {
    }

    /** The image's pixels (alpha ignored) as PNG bytes. */
    static byte[] write(BufferedImage image) {
        int width = image.getWidth();
        int height = image.getHeight();
        byte[] raw = filtered(image.getRGB(0, 0, width, height, null, 0, width), width, height);
        ByteArrayOutputStream out = new ByteArrayOutputStream(raw.length / 8);
        out.writeBytes(SIGNATURE);
        byte[] header = new byte[13];
        putInt(header, 0, width);
        putInt(header, 4, height);
        header[8] = 8; // bits per sample
        header[9] = 2; // RGB
        chunk(out, "IHDR", header);
        chunk(out, "IDAT", zlib(raw));
        chunk(out, "IEND", new byte[0]);
        return out.toByteArray();
    }

    /**
     * The scanlines, each preceded by the filter that makes it smallest by the usual measure (the
     * sum of the filtered bytes taken as signed): None, Sub, Up or Paeth.
     */
    private static byte[] filtered(int[] argb, int width, int height) {
        int stride = width * 3;
        byte[] previous = new byte[stride];
        byte[] line = new byte[stride];
        byte[][] candidates = new byte[4][stride];
        byte[] raw = new byte[(stride + 1) * height];
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                int pixel = argb[y * width + x];
                line[x * 3] = (byte) (pixel >>> 16);
                line[x * 3 + 1] = (byte) (pixel >>> 8);
                line[x * 3 + 2] = (byte) pixel;
            }
            long best = Long.MAX_VALUE;
            int chosen = 0;
            for (int filter = 0; filter < 4; filter++) {
                byte[] target = candidates[filter];
                long cost = 0;
                for (int i = 0; i < stride; i++) {
                    int a = i >= 3 ? line[i - 3] & 0xff : 0;
                    int b = previous[i] & 0xff;
                    int c = i >= 3 ? previous[i - 3] & 0xff : 0;
                    int value = line[i] & 0xff;
                    int predicted = switch (filter) {
                        case 0 -> 0;
                        case 1 -> a;
                        case 2 -> b;
                        default -> paeth(a, b, c);
                    };
                    byte filteredByte = (byte) (value - predicted);
                    target[i] = filteredByte;
                    cost += Math.abs(filteredByte);
                }
                if (cost < best) {
                    best = cost;
                    chosen = filter;
                }
            }
            int at = y * (stride + 1);
            // PNG numbers the filters None 0, Sub 1, Up 2, Average 3, Paeth 4.
            raw[at] = (byte) (chosen == 3 ? 4 : chosen);
            System.arraycopy(candidates[chosen], 0, raw, at + 1, stride);
            byte[] swap = previous;
            previous = line;
            line = swap;
        }
        return raw;
    }

    private static int paeth(int a, int b, int c) {
        int p = a + b - c;
        int pa = Math.abs(p - a);
        int pb = Math.abs(p - b);
        int pc = Math.abs(p - c);
        return pa <= pb && pa <= pc ? a : pb <= pc ? b : c;
    }

    /** A zlib stream (RFC 1950) holding one deflate block (RFC 1951) with the fixed codes. */
    static byte[] zlib(byte[] data) {
        Bits bits = new Bits(data.length / 4 + 64);
        bits.write(0x78, 8);
        bits.write(0x01, 8);
        bits.write(1, 1); // the last block
        bits.write(1, 2); // fixed Huffman codes
        int[] head = new int[1 << HASH_BITS];
        Arrays.fill(head, -1);
        int[] chain = new int[WINDOW];
        int i = 0;
        while (i < data.length) {
            int bestLength = 0;
            int bestDistance = 0;
            if (i + MIN_MATCH <= data.length) {
                int hash = hash(data, i);
                int candidate = head[hash];
                int tries = CHAIN;
                int limit = Math.min(MAX_MATCH, data.length - i);
                while (candidate >= 0 && i - candidate <= WINDOW && tries-- > 0) {
                    int length = 0;
                    while (length < limit && data[candidate + length] == data[i + length]) {
                        length++;
                    }
                    if (length > bestLength) {
                        bestLength = length;
                        bestDistance = i - candidate;
                        if (length == limit) {
                            break;
                        }
                    }
                    int next = chain[candidate & (WINDOW - 1)];
                    candidate = next < candidate ? next : -1;
                }
            }
            if (bestLength >= MIN_MATCH) {
                length(bits, bestLength);
                distance(bits, bestDistance);
                int end = i + bestLength;
                for (; i < end; i++) {
                    insert(data, i, head, chain);
                }
            } else {
                literal(bits, data[i] & 0xff);
                insert(data, i, head, chain);
                i++;
            }
        }
        literal(bits, 256); // end of block
        bits.align();
        Adler32 adler = new Adler32();
        adler.update(data);
        long sum = adler.getValue();
        bits.write((int) (sum >>> 24) & 0xff, 8);
        bits.write((int) (sum >>> 16) & 0xff, 8);
        bits.write((int) (sum >>> 8) & 0xff, 8);
        bits.write((int) sum & 0xff, 8);
        return bits.toByteArray();
    }

    private static int hash(byte[] data, int i) {
        int h = (data[i] & 0xff) << 16 | (data[i + 1] & 0xff) << 8 | data[i + 2] & 0xff;
        return (h * 0x9E3779B1) >>> (32 - HASH_BITS);
    }

    private static void insert(byte[] data, int i, int[] head, int[] chain) {
        if (i + MIN_MATCH <= data.length) {
            int hash = hash(data, i);
            chain[i & (WINDOW - 1)] = head[hash];
            head[hash] = i;
        }
    }

    /** A literal byte or the end of the block, in the fixed literal/length code. */
    private static void literal(Bits bits, int symbol) {
        if (symbol < 144) {
            bits.huffman(0x30 + symbol, 8);
        } else if (symbol < 256) {
            bits.huffman(0x190 + symbol - 144, 9);
        } else if (symbol < 280) {
            bits.huffman(symbol - 256, 7);
        } else {
            bits.huffman(0xc0 + symbol - 280, 8);
        }
    }

    private static void length(Bits bits, int length) {
        int code = LENGTH_BASE.length - 1;
        while (LENGTH_BASE[code] > length) {
            code--;
        }
        literal(bits, 257 + code);
        bits.write(length - LENGTH_BASE[code], LENGTH_EXTRA[code]);
    }

    private static void distance(Bits bits, int distance) {
        int code = DISTANCE_BASE.length - 1;
        while (DISTANCE_BASE[code] > distance) {
            code--;
        }
        bits.huffman(code, 5);
        bits.write(distance - DISTANCE_BASE[code], DISTANCE_EXTRA[code]);
    }

    private static void chunk(ByteArrayOutputStream out, String type, byte[] data) {
        byte[] length = new byte[4];
        putInt(length, 0, data.length);
        out.writeBytes(length);
        byte[] name = type.getBytes(StandardCharsets.US_ASCII);
        out.writeBytes(name);
        out.writeBytes(data);
        CRC32 crc = new CRC32();
        crc.update(name);
        crc.update(data);
        byte[] sum = new byte[4];
        putInt(sum, 0, (int) crc.getValue());
        out.writeBytes(sum);
    }

    private static void putInt(byte[] target, int at, int value) {
        target[at] = (byte) (value >>> 24);
        target[at + 1] = (byte) (value >>> 16);
        target[at + 2] = (byte) (value >>> 8);
        target[at + 3] = (byte) value;
    }

    /** Bits packed from the least significant end of each byte, as deflate wants them. */
    private static final class Bits {
        private byte[] bytes;
        private int size;
        private int buffer;
        private int count;

        Bits(int capacity) {
            bytes = new byte[Math.max(64, capacity)];
        }

        /** {@code length} bits of {@code value}, least significant first (extra bits, headers). */
        void write(int value, int length) {
            buffer |= value << count;
            count += length;
            while (count >= 8) {
                put(buffer);
                buffer >>>= 8;
                count -= 8;
            }
        }

        /** A Huffman code, which deflate packs most significant bit first. */
        void huffman(int code, int length) {
            write(Integer.reverse(code) >>> (32 - length), length);
        }

        void align() {
            if (count > 0) {
                put(buffer);
                buffer = 0;
                count = 0;
            }
        }

        private void put(int value) {
            if (size == bytes.length) {
                bytes = Arrays.copyOf(bytes, size * 2);
            }
            bytes[size++] = (byte) value;
        }

        byte[] toByteArray() {
            return Arrays.copyOf(bytes, size);
        }
    }
}
