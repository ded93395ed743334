/**
 * The link checker behind {@code site check-links}: every link of a baked site, internal ones
 * against the folder and, on request, external ones over HTTP.
 *
 * <p>{@link com.sethihemant.site.links.LinkChecker} is the entry point; it reads the policy
 * ({@link com.sethihemant.site.links.LinkPolicy}, from {@code links.yml}) and returns a
 * {@link com.sethihemant.site.links.LinkReport} of {@link com.sethihemant.site.links.LinkResult}s,
 * each a {@link com.sethihemant.site.links.Link} and its {@link com.sethihemant.site.links.Outcome}.
 * Inside, in the order a run uses them:
 * <ul>
 *   <li>{@code SiteFiles} lists the folder; {@code PageScanner} finds each page's URLs with their
 *       lines (with {@code Srcset}, {@code MetaRefresh}, {@code CssUrls} and {@code Json} for the
 *       attributes and scripts that have their own grammar) and its anchors;</li>
 *   <li>{@code Urls} cleans and resolves each URL as a browser would; {@code ContactLinks} checks
 *       mailto: and tel: offline;</li>
 *   <li>{@code InternalLinks} finds the file and fragment of each link to the site itself;</li>
 *   <li>{@code ExternalCheck} requests the rest through {@code HttpFetcher}, per host lanes
 *       honouring concurrency, interval, retries and Retry-After; {@code Verdicts} turns answers
 *       into outcomes, for live checks and for entries of the {@code LinkCache} alike;</li>
 *   <li>{@code ReportFormats} writes the console summary, JSON, Markdown and GitHub annotations.</li>
 * </ul>
 * Time comes from a {@link java.time.Clock} and waits go through {@code Sleeper}, so tests
 * replace both and never sleep.
 */
package com.sethihemant.site.links;
