package com.sethihemant.site.bake;

import com.sethihemant.site.Digest;
import com.sethihemant.site.content.Document;
import com.sethihemant.site.content.Status;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Parsed documents kept in a folder between runs, by a digest of everything they were parsed
 * from: the source's path and bytes (and its charts' data files), the parser's code and
 * libraries, the content folder and the theme's document types. A bake that finds every source
 * here converts nothing and never starts Asciidoctor.
 *
 * <p>Like the figure cache it can save time but never change a byte: an entry holds exactly the
 * {@link Document} the parser returned, written field by field and read back into an equal record;
 * an entry that is missing, unreadable, of another format or damaged (its stored digest does not
 * match) is a miss. Entries are written to a temporary file and moved into place, so a reader
 * never sees half of one; a failure to write is ignored. Only successful parses are stored, and
 * never a source with an {@code include::}, whose digest cannot cover the included files.
 */
final class DocumentCache {

    /** A cache that holds nothing. */
    static final DocumentCache NONE = new DocumentCache(null);

    /** Changes whenever the layout of an entry does. */
    private static final String FORMAT = "documents 1";
    private static final String SUFFIX = ".document";

    private final Path folder;

    private DocumentCache(Path folder) {
        this.folder = folder;
    }

    /** A cache in {@code folder}, created when the first entry is written; {@code null} for none. */
    static DocumentCache in(Path folder) {
        return folder == null ? NONE : new DocumentCache(folder.toAbsolutePath().normalize());
    }

    boolean isEnabled() {
        return folder != null;
    }

    /** The key of a source: a digest of the parts (see {@link Digest#of}). */
    static String key(String... parts) {
        return Digest.of(parts);
    }

    /** The document stored under {@code key} for {@code source}, or {@code null}. */
    Document get(String key, Path source) {
        if (folder == null) {
            return null;
        }
        try {
            byte[] entry = Files.readAllBytes(folder.resolve(key + SUFFIX));
            int newline = indexOf(entry, (byte) '\n');
            if (newline != 64) {
                return null;
            }
            byte[] body = Arrays.copyOfRange(entry, newline + 1, entry.length);
            if (!Digest.hex(body).equals(new String(entry, 0, newline, StandardCharsets.US_ASCII))) {
                return null;
            }
            Document document = read(body, source);
            return document.source().equals(source) ? document : null;
        } catch (IOException | RuntimeException e) {
            // Missing, unreadable, damaged or of another format: a miss.
            return null;
        }
    }

    /** Stores {@code document} under {@code key}, unless it holds a value this format cannot write. */
    void put(String key, Document document) {
        if (folder == null) {
            return;
        }
        byte[] body;
        try {
            body = write(document);
        } catch (IOException | IllegalArgumentException e) {
            return;
        }
        Path temporary = null;
        try {
            Files.createDirectories(folder);
            temporary = Files.createTempFile(folder, key, ".tmp");
            ByteArrayOutputStream entry = new ByteArrayOutputStream(body.length + 65);
            entry.write(Digest.hex(body).getBytes(StandardCharsets.US_ASCII));
            entry.write('\n');
            entry.write(body);
            Files.write(temporary, entry.toByteArray());
            Files.move(temporary, folder.resolve(key + SUFFIX), StandardCopyOption.ATOMIC_MOVE,
                    StandardCopyOption.REPLACE_EXISTING);
            temporary = null;
        } catch (IOException | RuntimeException e) {
            // A read-only or full disk costs a parse next time, nothing more.
        } finally {
            deleteQuietly(temporary);
        }
    }

    /**
     * Deletes the entries not in {@code keys}: those of sources that changed or went away, so
     * that the folder holds one entry per source, not one per edit.
     */
    void retain(Set<String> keys) {
        if (folder == null || !Files.isDirectory(folder)) {
            return;
        }
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(folder)) {
            for (Path entry : entries) {
                String name = entry.getFileName().toString();
                boolean stale = name.endsWith(SUFFIX) && !keys.contains(name.substring(0, name.length() - SUFFIX.length()));
                if (stale || name.endsWith(".tmp")) {
                    deleteQuietly(entry);
                }
            }
        } catch (IOException | RuntimeException e) {
            // Left for the next bake to tidy.
        }
    }

    static byte[] write(Document document) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(document.bodyHtml().length() + 4096);
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            text(out, FORMAT);
            text(out, document.source().toString());
            text(out, document.type());
            text(out, document.status().name());
            text(out, document.title());
            text(out, document.titleHtml());
            text(out, document.date() == null ? null : document.date().toString());
            text(out, document.updated() == null ? null : document.updated().toString());
            out.writeInt(document.tags().size());
            for (String tag : document.tags()) {
                text(out, tag);
            }
            text(out, document.description());
            text(out, document.bodyHtml());
            text(out, document.url());
            out.writeInt(document.readingMinutes());
            out.writeInt(document.headings().size());
            for (Document.Heading heading : document.headings()) {
                out.writeInt(heading.level());
                text(out, heading.id());
                text(out, heading.textHtml());
            }
            // Sorted, so that equal documents make equal entries.
            Map<String, Object> attributes = new TreeMap<>(document.attributes());
            out.writeInt(attributes.size());
            for (Map.Entry<String, Object> attribute : attributes.entrySet()) {
                text(out, attribute.getKey());
                value(out, attribute.getValue());
            }
        }
        return bytes.toByteArray();
    }

    static Document read(byte[] body, Path source) throws IOException {
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(body))) {
            if (!FORMAT.equals(text(in))) {
                throw new IOException("another format");
            }
            Path path = Path.of(text(in));
            if (!path.equals(source)) {
                throw new IOException("another source");
            }
            String type = text(in);
            Status status = Status.valueOf(text(in));
            String title = text(in);
            String titleHtml = text(in);
            String date = text(in);
            String updated = text(in);
            List<String> tags = new ArrayList<>();
            for (int i = in.readInt(); i > 0; i--) {
                tags.add(text(in));
            }
            String description = text(in);
            String bodyHtml = text(in);
            String url = text(in);
            int readingMinutes = in.readInt();
            List<Document.Heading> headings = new ArrayList<>();
            for (int i = in.readInt(); i > 0; i--) {
                headings.add(new Document.Heading(in.readInt(), text(in), text(in)));
            }
            Map<String, Object> attributes = new LinkedHashMap<>();
            for (int i = in.readInt(); i > 0; i--) {
                attributes.put(text(in), value(in));
            }
            if (in.read() != -1) {
                throw new IOException("trailing bytes");
            }
            return new Document(path, type, status, title, titleHtml, date == null ? null : LocalDate.parse(date),
                    updated == null ? null : LocalDate.parse(updated), tags, description, bodyHtml, url,
                    readingMinutes, headings, attributes);
        }
    }

    /** Text of any length (DataOutput's own UTF is limited to 64 KB), or {@code null}. */
    private static void text(DataOutputStream out, String text) throws IOException {
        if (text == null) {
            out.writeInt(-1);
            return;
        }
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        out.writeInt(bytes.length);
        out.write(bytes);
    }

    private static String text(DataInputStream in) throws IOException {
        int length = in.readInt();
        if (length < 0) {
            return null;
        }
        byte[] bytes = new byte[length];
        in.readFully(bytes);
        return new String(bytes, StandardCharsets.UTF_8);
    }

    /** An attribute's value: Asciidoctor gives text, numbers or booleans; anything else is not stored. */
    private static void value(DataOutputStream out, Object value) throws IOException {
        if (value instanceof String text) {
            out.writeByte('S');
            text(out, text);
        } else if (value instanceof Long number) {
            out.writeByte('L');
            out.writeLong(number);
        } else if (value instanceof Boolean flag) {
            out.writeByte('B');
            out.writeBoolean(flag);
        } else {
            throw new IllegalArgumentException("an attribute of type " + value.getClass().getName());
        }
    }

    private static Object value(DataInputStream in) throws IOException {
        return switch (in.readByte()) {
            case 'S' -> text(in);
            case 'L' -> in.readLong();
            case 'B' -> in.readBoolean();
            default -> throw new IOException("an attribute of an unknown type");
        };
    }

    private static int indexOf(byte[] bytes, byte value) {
        for (int i = 0; i < bytes.length; i++) {
            if (bytes[i] == value) {
                return i;
            }
        }
        return -1;
    }

    private static void deleteQuietly(Path file) {
        if (file == null) {
            return;
        }
        try {
            Files.deleteIfExists(file);
        } catch (IOException ignored) {
            // Left behind; later bakes delete it.
        }
    }
}
