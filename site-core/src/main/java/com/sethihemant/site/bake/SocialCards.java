package com.sethihemant.site.bake;

import com.sethihemant.site.Digest;
import com.sethihemant.site.SiteException;
import com.sethihemant.site.content.Document;
import com.sethihemant.site.content.Routes;
import com.sethihemant.site.theme.Formats;
import com.sethihemant.site.theme.Image;

import java.awt.Color;
import java.awt.Font;
import java.awt.FontFormatException;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.font.FontRenderContext;
import java.awt.font.GlyphVector;
import java.awt.font.TextAttribute;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The social card of each post: a 1200×630 PNG with its title, date and tags and the site's
 * name, in the theme's colours (the light palette of {@code css/site.css}), drawn with Java 2D and
 * the fonts in the theme's {@code card/} folder. Text is filled as glyph outlines by Java 2D's
 * own rasteriser and written by {@link Png}, so the bytes depend on the fonts and the text, not on
 * the machine. A title too long for the card is set smaller, then shortened at a word with an
 * ellipsis.
 *
 * <p>Cards are cached by everything they are drawn from (text, fonts, colours, this code's
 * {@link #VERSION}): in memory between the preview's builds, and in a folder between runs, since
 * drawing and compressing a card takes tens of milliseconds. A cached card is the very bytes a
 * fresh drawing gives; an entry that is not a whole PNG is drawn again.
 */
final class SocialCards {

    static final int WIDTH = 1200;
    static final int HEIGHT = 630;
    /** Part of every card's key: change it whenever the drawing changes. */
    static final String VERSION = "card-1";

    /** The fonts: the title's and the labels'. */
    static final String TITLE_FONT = "Inter-Bold.otf";
    static final String LABEL_FONT = "Inter-Medium.otf";

    private static final int MARGIN = 96;
    private static final int TEXT_WIDTH = WIDTH - 2 * MARGIN;
    /** The title's sizes, largest first, with the lines each may take. */
    private static final int[][] TITLE_SIZES = {{76, 3}, {66, 4}, {56, 4}, {50, 5}};
    private static final String ELLIPSIS = "…";
    static final int ALT_LIMIT = 420;
    private static final Pattern CSS_VARIABLE = Pattern.compile("--([a-z0-9]+):(#[0-9a-fA-F]{6})");
    private static final byte[] PNG_END = {0, 0, 0, 0, 'I', 'E', 'N', 'D', (byte) 0xAE, 0x42, 0x60, (byte) 0x82};
    private static final FontRenderContext FRC = new FontRenderContext(null, true, true);
    private static final Formats FORMATS = new Formats();

    private final Path cacheFolder;
    private final Map<String, byte[]> memory = new ConcurrentHashMap<>();
    private Look look;

    /** @param cacheFolder where cards are kept between runs, or {@code null} */
    SocialCards(Path cacheFolder) {
        this.cacheFolder = cacheFolder;
    }

    /** The look the last call to {@link #look} read. */
    Look currentLook() {
        return look;
    }

    /** A post's card: where it is published, what it shows, and the key it is cached by. */
    record Card(String path, Image image, String key, String siteName, String title, String date, List<String> tags) {
    }

    /**
     * The theme's fonts and colours, read again only when the files changed.
     *
     * @param folder the theme's {@code card/} folder
     * @param css    the theme's stylesheet, whose {@code :root} holds the colours
     */
    Look look(Path folder, Path css) {
        byte[] titleFont = read(folder.resolve(TITLE_FONT));
        byte[] labelFont = read(folder.resolve(LABEL_FONT));
        String colours = colours(css);
        String digest = Digest.hex((Digest.hex(titleFont) + Digest.hex(labelFont) + colours)
                .getBytes(StandardCharsets.UTF_8));
        if (look == null || !look.digest().equals(digest)) {
            look = new Look(digest, font(folder.resolve(TITLE_FONT), titleFont), font(folder.resolve(LABEL_FONT), labelFont),
                    palette(css, colours));
        }
        return look;
    }

    /** The card of a post, or {@code null} when the fonts can show none of its title. */
    Card plan(Look look, String siteName, Document post) {
        String title = displayable(look.title(), post.title());
        if (title.isBlank()) {
            return null;
        }
        String date = FORMATS.date(post.date());
        List<String> tags = post.tags().stream().map(tag -> displayable(look.label(), tag)).filter(t -> !t.isBlank()).toList();
        String name = displayable(look.title(), siteName);
        String key = Digest.hex(String.join("\u0000", VERSION, look.digest(), name, title, date,
                String.join(",", tags)).getBytes(StandardCharsets.UTF_8));
        String alt = "“" + post.title() + "”, " + siteName + ", " + date
                + (post.tags().isEmpty() ? "" : "; tagged " + String.join(", ", post.tags()));
        if (alt.length() > ALT_LIMIT) {
            // X (Twitter) takes at most 420 characters of alt text.
            int cut = alt.lastIndexOf(' ', ALT_LIMIT - 1);
            alt = alt.substring(0, cut > 0 ? cut : ALT_LIMIT - 1).replaceAll("[\\s,;:.]+$", "") + ELLIPSIS;
        }
        String path = Routes.card(post.url());
        return new Card(Routes.outputPath(path), new Image(path, WIDTH, HEIGHT, alt), key, name, title, date, tags);
    }

    /** The card's PNG: from memory, from the cache folder, or drawn (and then kept in both). */
    byte[] bytes(Look look, Card card) {
        byte[] known = memory.get(card.key());
        if (known != null) {
            return known;
        }
        byte[] bytes = fromFolder(card.key());
        if (bytes == null) {
            bytes = Png.write(draw(look, card));
            toFolder(card.key(), bytes);
        }
        memory.put(card.key(), bytes);
        return bytes;
    }

    /** Forgets the cards of earlier builds that this build did not use. */
    void retain(Set<String> keys) {
        memory.keySet().retainAll(keys);
    }

    static BufferedImage draw(Look look, Card card) {
        Palette colours = look.palette();
        BufferedImage image = new BufferedImage(WIDTH, HEIGHT, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
            g.setRenderingHint(RenderingHints.KEY_STROKE_CONTROL, RenderingHints.VALUE_STROKE_PURE);
            g.setColor(colours.background());
            g.fillRect(0, 0, WIDTH, HEIGHT);
            g.setColor(colours.accent());
            g.fillRect(0, 0, 16, HEIGHT);

            // The site's mark, as the header draws it: two accent bands and one of text colour.
            int markX = MARGIN;
            int markY = 80;
            int mark = 40;
            g.setColor(colours.accent());
            g.fillRect(markX, markY, mark, Math.round(mark * 0.28f));
            g.fillRect(markX, markY + Math.round(mark * 0.36f), mark, Math.round(mark * 0.28f));
            g.setColor(colours.text());
            g.fillRect(markX, markY + Math.round(mark * 0.72f), mark, mark - Math.round(mark * 0.72f));
            Font name = look.title().deriveFont(34f);
            text(g, name, card.siteName(), markX + mark + 20, markY + mark - 6, colours.text());

            Font titleFont = null;
            List<String> lines = null;
            for (int[] size : TITLE_SIZES) {
                titleFont = look.title().deriveFont((float) size[0]);
                lines = wrap(titleFont, card.title(), TEXT_WIDTH);
                if (lines.size() <= size[1]) {
                    break;
                }
                if (size == TITLE_SIZES[TITLE_SIZES.length - 1]) {
                    // Even the smallest size needs more lines than it may take.
                    lines = shorten(titleFont, lines, size[1], TEXT_WIDTH);
                }
            }
            float lineHeight = titleFont.getSize2D() * 1.14f;
            float y = 196 + titleFont.getSize2D() * 0.8f;
            for (String line : lines) {
                text(g, titleFont, line, MARGIN, y, colours.text());
                y += lineHeight;
            }

            g.setColor(colours.rule());
            g.fillRect(MARGIN, 512, TEXT_WIDTH, 2);
            Font label = look.label().deriveFont(30f);
            float x = MARGIN;
            float baseline = 572;
            x += text(g, label, card.date(), x, baseline, colours.muted());
            float gap = advance(label, "   ");
            for (String tag : card.tags()) {
                String shown = "#" + tag;
                float width = advance(label, shown);
                if (x + gap + width > MARGIN + TEXT_WIDTH) {
                    if (x + gap + advance(label, ELLIPSIS) <= MARGIN + TEXT_WIDTH) {
                        text(g, label, ELLIPSIS, x + gap, baseline, colours.muted());
                    }
                    break;
                }
                x += gap + text(g, label, shown, x + gap, baseline, colours.accent());
            }
        } finally {
            g.dispose();
        }
        return image;
    }

    /** Fills the outline of {@code text} at {@code (x, y)} (the baseline); returns its advance. */
    private static float text(Graphics2D g, Font font, String text, float x, float y, Color colour) {
        GlyphVector glyphs = glyphs(font, text);
        g.setColor(colour);
        g.fill(glyphs.getOutline(x, y));
        return (float) glyphs.getGlyphPosition(glyphs.getNumGlyphs()).getX();
    }

    private static GlyphVector glyphs(Font font, String text) {
        char[] chars = text.toCharArray();
        return font.layoutGlyphVector(FRC, chars, 0, chars.length, Font.LAYOUT_LEFT_TO_RIGHT);
    }

    static float advance(Font font, String text) {
        if (text.isEmpty()) {
            return 0;
        }
        GlyphVector glyphs = glyphs(font, text);
        return (float) glyphs.getGlyphPosition(glyphs.getNumGlyphs()).getX();
    }

    /** Words set in lines no wider than {@code width}; a word wider than a line is broken. */
    static List<String> wrap(Font font, String text, float width) {
        List<String> lines = new ArrayList<>();
        StringBuilder line = new StringBuilder();
        for (String word : text.strip().split("\\s+")) {
            String candidate = line.isEmpty() ? word : line + " " + word;
            if (advance(font, candidate) <= width) {
                line.setLength(0);
                line.append(candidate);
                continue;
            }
            if (!line.isEmpty()) {
                lines.add(line.toString());
                line.setLength(0);
            }
            // A word too long for a line of its own (a path, an identifier) is broken where it must be.
            String rest = word;
            while (advance(font, rest) > width) {
                int cut = rest.length() - 1;
                while (cut > 1 && advance(font, rest.substring(0, cut)) > width) {
                    cut--;
                }
                lines.add(rest.substring(0, cut));
                rest = rest.substring(cut);
            }
            line.append(rest);
        }
        if (!line.isEmpty()) {
            lines.add(line.toString());
        }
        return lines;
    }

    /** The first {@code max} lines, the last cut back to whole words and ended with an ellipsis. */
    static List<String> shorten(Font font, List<String> lines, int max, float width) {
        if (lines.size() <= max) {
            return lines;
        }
        List<String> kept = new ArrayList<>(lines.subList(0, max));
        String last = kept.get(max - 1);
        String shortened = withEllipsis(last);
        while (advance(font, shortened) > width && last.contains(" ")) {
            last = last.substring(0, last.lastIndexOf(' '));
            shortened = withEllipsis(last);
        }
        while (advance(font, shortened) > width && last.length() > 1) {
            last = last.substring(0, last.length() - 1);
            shortened = withEllipsis(last);
        }
        kept.set(max - 1, shortened);
        return kept;
    }

    private static String withEllipsis(String text) {
        return text.replaceAll("[\\s,;:.–—-]+$", "") + ELLIPSIS;
    }

    /** The text without the characters {@code font} cannot draw, white space folded. */
    static String displayable(Font font, String text) {
        String composed = Normalizer.normalize(text, Normalizer.Form.NFC);
        StringBuilder out = new StringBuilder(composed.length());
        composed.codePoints().forEach(c -> {
            if (Character.isWhitespace(c)) {
                out.append(' ');
            } else if (font.canDisplay(c)) {
                out.appendCodePoint(c);
            }
        });
        return out.toString().replaceAll(" {2,}", " ").strip();
    }

    private byte[] fromFolder(String key) {
        if (cacheFolder == null) {
            return null;
        }
        Path file = cacheFolder.resolve(key + ".png");
        try {
            byte[] bytes = Files.readAllBytes(file);
            return isWholePng(bytes) ? bytes : null;
        } catch (IOException e) {
            return null;
        }
    }

    private void toFolder(String key, byte[] bytes) {
        if (cacheFolder == null) {
            return;
        }
        try {
            Files.createDirectories(cacheFolder);
            Path temporary = Files.createTempFile(cacheFolder, key, ".tmp");
            Files.write(temporary, bytes);
            try {
                Files.move(temporary, cacheFolder.resolve(key + ".png"), StandardCopyOption.ATOMIC_MOVE,
                        StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temporary, cacheFolder.resolve(key + ".png"), StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            // A cache that cannot be written only costs time: the card is drawn again next run.
        }
    }

    /** A PNG from its signature to its end chunk: an interrupted write is neither. */
    static boolean isWholePng(byte[] bytes) {
        return bytes.length > 8 + PNG_END.length && bytes[0] == (byte) 0x89 && bytes[1] == 'P' && bytes[2] == 'N'
                && bytes[3] == 'G' && Arrays.equals(bytes, bytes.length - PNG_END.length, bytes.length, PNG_END, 0,
                PNG_END.length);
    }

    /** The theme's fonts and colours, with a digest of the files they come from. */
    record Look(String digest, Font title, Font label, Palette palette) {
    }

    /** The light palette of the theme. */
    record Palette(Color background, Color text, Color muted, Color accent, Color rule) {
    }

    private static Font font(Path file, byte[] bytes) {
        try {
            Font font = Font.createFont(Font.TRUETYPE_FONT, new ByteArrayInputStream(bytes));
            return font.deriveFont(Map.of(TextAttribute.KERNING, TextAttribute.KERNING_ON,
                    TextAttribute.LIGATURES, TextAttribute.LIGATURES_ON));
        } catch (FontFormatException | IOException e) {
            throw SiteException.content(file, "is not a font Java can read (" + e.getMessage()
                    + "); the social cards need an OpenType or TrueType font");
        }
    }

    /** The colour variables of the stylesheet's first rule ({@code :root}, the light theme). */
    private static String colours(Path css) {
        String text = new String(read(css), StandardCharsets.UTF_8);
        int start = text.indexOf(":root{");
        int end = start < 0 ? -1 : text.indexOf('}', start);
        if (end < 0) {
            throw SiteException.content(css, "has no ':root{...}' rule with the theme's colours,"
                    + " which the social cards are drawn in");
        }
        return text.substring(start, end);
    }

    private static Palette palette(Path css, String rule) {
        Map<String, Color> found = new HashMap<>();
        Matcher m = CSS_VARIABLE.matcher(rule);
        while (m.find()) {
            found.putIfAbsent(m.group(1), new Color(Integer.parseInt(m.group(2).substring(1), 16)));
        }
        List<String> missing = new ArrayList<>();
        for (String name : List.of("bg", "fg", "mut", "acc", "rule")) {
            if (!found.containsKey(name)) {
                missing.add("--" + name);
            }
        }
        if (!missing.isEmpty()) {
            throw SiteException.content(css, "sets no " + String.join(", ", missing)
                    + " in :root (as #rrggbb), which the social cards are drawn in");
        }
        return new Palette(found.get("bg"), found.get("fg"), found.get("mut"), found.get("acc"), found.get("rule"));
    }

    private static byte[] read(Path file) {
        try {
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw SiteException.io(file, "cannot be read", e);
        }
    }
}
