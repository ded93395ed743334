package com.sethihemant.site.links;

import java.net.http.HttpHeaders;
import java.util.List;
import java.util.Locale;

/**
 * Recognises the answers that bot-protection services give a robot instead of the page, so they
 * are reported as blocked (unverified) and never as broken: Cloudflare, Akamai, Imperva, Sucuri,
 * DataDome, PerimeterX, Vercel and Kasada each leave a header or a tell-tale page. The headers
 * that mark a challenge on any status ({@code cf-mitigated}, {@code x-amzn-waf-action}) are the
 * policy's {@code blockedHeaders}; these are the ones that only mean a wall on a refusal.
 */
final class BotWalls {

    /** A response header whose presence on a refusal names the service behind it. */
    private record HeaderSign(String header, String contains, String service) {
    }

    private static final List<HeaderSign> HEADERS = List.of(
            new HeaderSign("server", "cloudflare", "Cloudflare"),
            new HeaderSign("cf-ray", "", "Cloudflare"),
            new HeaderSign("server", "akamaighost", "Akamai"),
            new HeaderSign("x-iinfo", "", "Imperva"),
            new HeaderSign("x-cdn", "imperva", "Imperva"),
            new HeaderSign("x-sucuri-id", "", "Sucuri"),
            new HeaderSign("x-datadome", "", "DataDome"),
            new HeaderSign("x-vercel-mitigated", "", "Vercel"),
            new HeaderSign("x-kpsdk-ct", "", "Kasada"));

    /** Lower-case text of challenge and block pages. */
    private static final List<String> PAGE_SIGNS = List.of(
            "challenge-platform", "cf-chl", "cf_chl", "just a moment...", "attention required! | cloudflare",
            "enable javascript and cookies to continue", "captcha", "are you a robot", "are you a human",
            "verify you are human", "unusual traffic", "automated access", "automated requests", "bot detection",
            "incapsula incident", "_incapsula_resource", "sucuri website firewall", "perimeterx",
            "please enable js and disable any ad blocker");

    private BotWalls() {
    }

    /**
     * What walled the robot out, such as {@code Cloudflare} or {@code a CAPTCHA page}, for a
     * refusal (4xx but 404 and 410, or 503); {@code null} when nothing says so.
     */
    static String recognise(int status, HttpHeaders headers, String bodyStart) {
        boolean refusal = (status >= 400 && status < 500 && status != 404 && status != 410) || status == 503;
        if (!refusal) {
            return null;
        }
        String page = bodyStart.toLowerCase(Locale.ROOT);
        for (String sign : PAGE_SIGNS) {
            if (page.contains(sign)) {
                String service = service(headers);
                return (service == null ? "a" : service + "'s") + " bot check (its page says \"" + sign + "\")";
            }
        }
        if (status == 503) {
            // A 503 behind a CDN is as often the origin being down: only the page can tell a challenge.
            return null;
        }
        String service = service(headers);
        return service == null ? null : service + "'s bot protection";
    }

    private static String service(HttpHeaders headers) {
        for (HeaderSign sign : HEADERS) {
            for (String value : headers.allValues(sign.header())) {
                if (value.toLowerCase(Locale.ROOT).contains(sign.contains())) {
                    return sign.service();
                }
            }
        }
        return null;
    }

    /**
     * Whether a 403 is object storage's answer for a missing file: S3 and Google Cloud Storage
     * say AccessDenied, not 404, for a key that is gone from a bucket that cannot be listed.
     */
    static boolean storageAccessDenied(HttpHeaders headers, String bodyStart) {
        boolean storage = headers.firstValue("x-amz-request-id").isPresent()
                || headers.firstValue("x-guploader-uploadid").isPresent()
                || headers.firstValue("server").map(s -> s.toLowerCase(Locale.ROOT).contains("amazons3")).orElse(false);
        return storage && bodyStart.contains("<Code>AccessDenied</Code>");
    }
}
