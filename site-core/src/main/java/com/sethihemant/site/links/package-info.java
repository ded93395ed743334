/**
 * The link checker behind {@code site check-links}: it reads a baked site and tells, for every
 * link, whether it works, checking internal links against the folder and, on request, external
 * ones over HTTP under a per-host policy ({@code links.yml}).
 *
 * <p>{@link com.sethihemant.site.links.LinkChecker} is the entry point; it returns a
 * {@link com.sethihemant.site.links.LinkReport} of {@link com.sethihemant.site.links.LinkResult}s,
 * each a {@link com.sethihemant.site.links.Link} and its {@link com.sethihemant.site.links.Outcome}.
 * Inside, in the order a run uses them: {@code SiteFiles} lists the folder; {@code PageScanner}
 * finds each page's URLs with their lines; {@code Urls} resolves them as a browser would;
 * {@code InternalLinks} finds the file and fragment of links to the site itself;
 * {@code ExternalCheck} requests the rest through {@code HttpFetcher}, in per-host lanes;
 * {@code Verdicts} turns answers into outcomes; {@code ReportFormats} writes the reports. Time
 * comes from a {@link java.time.Clock} and waits go through {@code Sleeper}, so tests never sleep.
 */
package com.sethihemant.site.links;
