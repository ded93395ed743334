package com.sethihemant.site.theme;

import com.sethihemant.site.config.SiteConfig;

import java.util.Map;
import java.util.Objects;

/**
 * What every page's template can read, whatever the kind of page.
 *
 * @param site    the site's configuration ({@code site.yml})
 * @param data    the data files by name without {@code .yml}, such as {@code data['talks']}
 * @param url     the page's own site path, such as {@code /blog/2026/slug/}
 * @param preview whether this is the author's local preview (drafts shown) rather than the published site
 * @param fmt     date formatting
 * @param notice  in the preview, why the page would not be published (yet); otherwise {@code null}
 * @param noindex  whether the page stays out of the sitemap and search indexes
 * @param image    what stands for the page where it is shared: a post's social card, or the site's
 * @param citation how to cite the page (posts and paper notes), or {@code null}
 */
public record Page(SiteConfig site, Map<String, Object> data, String url, boolean preview, Formats fmt,
                   String notice, boolean noindex, Image image, Citation citation) {

    public Page {
        Objects.requireNonNull(site, "site");
        Objects.requireNonNull(data, "data");
        Objects.requireNonNull(url, "url");
        Objects.requireNonNull(fmt, "fmt");
        Objects.requireNonNull(image, "image");
    }
}
