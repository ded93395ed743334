package com.sethihemant.site.bake;

import com.sethihemant.site.config.SiteConfig;
import com.sethihemant.site.content.Routes;

import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.List;

/**
 * {@code /llms.txt} (llmstxt.org): the site's name and description, then its pages and its posts,
 * one line each (title, address, description), and the generated listings under "Optional".
 * It is written from the sitemap's own entries ({@link Pages.Listed}), and only from those that
 * would be published, so it can never list a draft or a post before its date.
 */
final class LlmsTxt {

    private LlmsTxt() {
    }

    static byte[] write(SiteConfig site, Collection<Pages.Listed> sitemap) {
        List<Pages.Listed> published = sitemap.stream().filter(Pages.Listed::published).toList();
        StringBuilder out = new StringBuilder(4096);
        out.append("# ").append(oneLine(site.title())).append("\n\n");
        out.append("> ").append(oneLine(site.description())).append("\n\n");
        if (!site.tagline().isBlank()) {
            out.append(oneLine(site.tagline())).append(". Every page is also in the sitemap (")
                    .append(site.absolute(Routes.SITEMAP)).append("); the posts, with their full text, in the feeds (")
                    .append(site.absolute(Routes.FEED)).append(", ").append(site.absolute(Routes.JSON_FEED)).append(").\n");
        }
        section(out, site, "Pages", published.stream().filter(p -> p.kind() == Pages.Kind.PAGE).toList());
        section(out, site, "Posts", published.stream().filter(p -> p.kind() == Pages.Kind.POST).toList());
        // Later pages of the blog index repeat what the posts' lines already say.
        section(out, site, "Optional", published.stream()
                .filter(p -> p.kind() == Pages.Kind.LISTING && !p.url().startsWith(Routes.BLOG + "page/")).toList());
        return out.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static void section(StringBuilder out, SiteConfig site, String name, List<Pages.Listed> pages) {
        if (pages.isEmpty()) {
            return;
        }
        out.append("\n## ").append(name).append("\n\n");
        for (Pages.Listed page : pages) {
            out.append("- [").append(oneLine(page.title()).replace("\\", "\\\\").replace("[", "\\[").replace("]", "\\]"))
                    .append("](").append(site.absolute(page.url())).append(')');
            if (page.description() != null && !page.description().isBlank()) {
                out.append(": ").append(oneLine(page.description()));
            }
            if (page.kind() == Pages.Kind.POST && page.lastModified() != null) {
                out.append(" (").append(page.lastModified()).append(')');
            }
            out.append('\n');
        }
    }

    private static String oneLine(String text) {
        return text.replaceAll("\\s+", " ").strip();
    }
}
