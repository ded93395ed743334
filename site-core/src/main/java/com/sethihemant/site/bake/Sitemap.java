package com.sethihemant.site.bake;

import com.sethihemant.site.config.SiteConfig;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Map;

/** {@code sitemap.xml} (sitemaps.org 0.9): every indexable page, with its last modification date. */
final class Sitemap {

    static final String PATH = "/sitemap.xml";

    private Sitemap() {
    }

    /** @param pages each page by its site path, in output order */
    static byte[] write(SiteConfig site, Map<String, Pages.Listed> pages) {
        XmlOut xml = new XmlOut();
        xml.open("urlset", "xmlns", "http://www.sitemaps.org/schemas/sitemap/0.9");
        pages.forEach((url, page) -> {
            LocalDate lastModified = page.lastModified();
            xml.open("url");
            xml.text("loc", site.absolute(url));
            if (lastModified != null) {
                xml.text("lastmod", lastModified.toString());
            }
            xml.close();
        });
        xml.close();
        return xml.finish();
    }

    static byte[] robots(SiteConfig site) {
        return ("User-agent: *\nAllow: /\n\nSitemap: " + site.absolute(PATH) + "\n")
                .getBytes(StandardCharsets.UTF_8);
    }
}
