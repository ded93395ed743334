package com.sethihemant.site.bake;

import com.sethihemant.site.SiteException;
import com.sethihemant.site.content.Document;
import com.sethihemant.site.content.Status;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.imageio.ImageIO;
import java.awt.Font;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The real theme's cards: its fonts, its colours. */
class SocialCardsTest {

    private static final Path THEME = Path.of("../site-theme/src/main/jbake");
    private static final Path FONTS = THEME.resolve("card");
    private static final Path CSS = THEME.resolve("assets/css/site.css");

    @TempDir
    Path dir;

    private static Document post(String title, String... tags) {
        return new Document(Path.of("post.adoc"), "post", Status.PUBLISHED, title, title, LocalDate.of(2026, 11, 23), null,
                List.of(tags), "A description.", "<p>Body.</p>", "/blog/2026/a-post/", 1, List.of(), Map.of());
    }

    @Test
    void aCardIs1200By630InTheThemesColoursWithItsAddressAndAlt() throws IOException {
        SocialCards cards = new SocialCards(null);
        SocialCards.Look look = cards.look(FONTS, CSS);
        SocialCards.Card card = cards.plan(look, "Hemant Sethi", post("Notes on Dynamo", "paper-notes", "storage"));
        assertEquals("/cards/2026/a-post.png", card.image().url());
        assertEquals("cards/2026/a-post.png", card.path());
        assertEquals(1200, card.image().width());
        assertEquals(630, card.image().height());
        assertEquals("“Notes on Dynamo”, Hemant Sethi, 23 November 2026; tagged paper-notes, storage", card.image().alt());

        BufferedImage image = ImageIO.read(new ByteArrayInputStream(cards.bytes(look, card)));
        assertEquals(1200, image.getWidth());
        assertEquals(630, image.getHeight());
        // The background is the stylesheet's --bg, the bar on the left its --acc.
        assertEquals(0xfbfaf7, image.getRGB(600, 5) & 0xffffff);
        assertEquals(0x0b6279, image.getRGB(5, 300) & 0xffffff);
    }

    @Test
    void drawingTwiceGivesTheSameBytesAndTheFolderCacheGivesThemBack() throws IOException {
        SocialCards first = new SocialCards(dir);
        SocialCards.Look look = first.look(FONTS, CSS);
        SocialCards.Card card = first.plan(look, "Site", post("Same bytes every time"));
        byte[] drawn = first.bytes(look, card);
        assertArrayEquals(Png.write(SocialCards.draw(look, card)), drawn);

        Path entry = dir.resolve(card.key() + ".png");
        assertArrayEquals(drawn, Files.readAllBytes(entry));
        SocialCards second = new SocialCards(dir);
        assertArrayEquals(drawn, second.bytes(second.look(FONTS, CSS), card));

        // A damaged entry (a write cut short) is drawn again, never published.
        Files.write(entry, java.util.Arrays.copyOf(drawn, drawn.length / 2));
        SocialCards third = new SocialCards(dir);
        assertArrayEquals(drawn, third.bytes(third.look(FONTS, CSS), card));
        assertArrayEquals(drawn, Files.readAllBytes(entry));
    }

    @Test
    void theKeyChangesWithWhatTheCardShows() {
        SocialCards cards = new SocialCards(null);
        SocialCards.Look look = cards.look(FONTS, CSS);
        String key = cards.plan(look, "Site", post("A title", "a")).key();
        assertEquals(key, cards.plan(look, "Site", post("A title", "a")).key());
        assertTrue(!key.equals(cards.plan(look, "Site", post("A title", "b")).key()));
        assertTrue(!key.equals(cards.plan(look, "Other", post("A title", "a")).key()));
        assertTrue(!key.equals(cards.plan(look, "Site", post("Another title", "a")).key()));
    }

    @Test
    void longTitlesAreWrappedThenShortenedAtAWord() {
        Font font = new SocialCards(null).look(FONTS, CSS).title().deriveFont(50f);
        String title = "A very long title about storage for GPU clusters that goes on and on, ".repeat(6).strip();
        List<String> lines = SocialCards.wrap(font, title, 1008);
        assertTrue(lines.size() > 5, lines.toString());
        lines.forEach(line -> assertTrue(SocialCards.advance(font, line) <= 1008, line));
        List<String> shortened = SocialCards.shorten(font, lines, 5, 1008);
        assertEquals(5, shortened.size());
        String last = shortened.get(4);
        assertTrue(last.endsWith("…") && !last.endsWith(" …") && !last.endsWith(",…"), last);
        assertTrue(SocialCards.advance(font, last) <= 1008, last);
        assertTrue(title.contains(last.substring(0, last.length() - 1)), "cut at a word: " + last);

        String alt = new SocialCards(null).plan(new SocialCards(null).look(FONTS, CSS), "Site", post(title, "a", "b")).image().alt();
        assertTrue(alt.length() <= SocialCards.ALT_LIMIT && alt.endsWith("…"), alt.length() + ": " + alt);

        String word = "x".repeat(200);
        List<String> broken = SocialCards.wrap(font, word, 1008);
        assertTrue(broken.size() > 1);
        assertEquals(word, String.join("", broken));
        broken.forEach(line -> assertTrue(SocialCards.advance(font, line) <= 1008));
    }

    @Test
    void charactersTheFontLacksAreLeftOutAndATitleOfNoneHasNoCard() {
        SocialCards cards = new SocialCards(null);
        SocialCards.Look look = cards.look(FONTS, CSS);
        assertEquals("Notes on Raft", SocialCards.displayable(look.title(), "Notes on \uD83D\uDE00  Raft"));
        assertNull(cards.plan(look, "Site", post("\u6f22\u5b57")));
    }

    @Test
    void aStylesheetWithoutTheColoursIsAnError() throws IOException {
        Path css = Files.writeString(dir.resolve("site.css"), ":root{--bg:#ffffff;--fg:#000000}\n");
        SiteException e = assertThrows(SiteException.class, () -> new SocialCards(null).look(FONTS, css));
        assertTrue(e.getMessage().contains("--mut, --acc, --rule") && e.getMessage().contains("site.css"), e.getMessage());
    }
}
