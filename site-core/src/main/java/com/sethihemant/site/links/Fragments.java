package com.sethihemant.site.links;

import java.util.Set;
import java.util.regex.Pattern;

/**
 * How a fragment finds its place in a page, by the HTML standard's rules: the raw fragment is
 * looked up first, then its percent-decoded form; ids are case-sensitive; {@code #} and
 * {@code #top} (in any case) mean the top of the page; a text fragment ({@code #:~:text=})
 * names text, not an element. The same rules serve the site's own pages and external ones;
 * external pages also get the conventions that code hosts' scripts implement.
 */
final class Fragments {

    /** GitHub (and GitLab, Gitea) prefix the ids of rendered Markdown; their script maps {@code #x} to {@code user-content-x}. */
    static final String USER_CONTENT = "user-content-";
    /** Line anchors of code hosts ({@code #L10}, {@code #L10-L20}, {@code #L3C5}), made by script on every such host. */
    private static final Pattern LINE_ANCHOR = Pattern.compile("L\\d+(C\\d+)?(-L?\\d+(C\\d+)?)?");

    private Fragments() {
    }

    /** The fragment without a text directive ({@code :~:...}), which browsers handle apart. */
    private static String id(String fragment) {
        int directive = fragment.indexOf(":~:");
        return directive >= 0 ? fragment.substring(0, directive) : fragment;
    }

    /** Whether the fragment means the top of the page (or names text), so any page has it. */
    static boolean isTop(String fragment) {
        String id = id(fragment);
        if (id.isEmpty() || id.equalsIgnoreCase("top")) {
            return true;
        }
        String decoded = Urls.percentDecode(id);
        return decoded != null && decoded.equalsIgnoreCase("top");
    }

    /**
     * Whether an external page's fragment names an element to look for. Not so: the top, and
     * the state of a script's page: routes ({@code #/path}, {@code #!/path}), parameters
     * ({@code #page=2} of a PDF viewer, {@code #t=30} of a video) and code hosts' line anchors.
     */
    static boolean namesAnElement(String fragment) {
        if (fragment == null || isTop(fragment)) {
            return false;
        }
        String id = id(fragment);
        return !(id.startsWith("/") || id.startsWith("!") || id.indexOf('=') >= 0 || LINE_ANCHOR.matcher(id).matches());
    }

    /** Whether a fragment finds a place among a page's anchors (ids, and names of {@code a} elements). */
    static boolean found(String fragment, Set<String> anchors) {
        if (isTop(fragment)) {
            return true;
        }
        String id = id(fragment);
        if (anchors.contains(id)) {
            return true;
        }
        String decoded = Urls.percentDecode(id);
        return decoded != null && anchors.contains(decoded);
    }

    /** As {@link #found}, also accepting the {@code user-content-} ids of rendered Markdown on code hosts. */
    static boolean foundOnExternalPage(String fragment, Set<String> anchors) {
        if (found(fragment, anchors)) {
            return true;
        }
        String id = id(fragment);
        String decoded = Urls.percentDecode(id);
        return anchors.contains(USER_CONTENT + id) || (decoded != null && anchors.contains(USER_CONTENT + decoded));
    }
}
