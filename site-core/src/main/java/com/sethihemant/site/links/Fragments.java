package com.sethihemant.site.links;

import java.util.Locale;
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

    /**
     * GitHub's ids of comments, reviews, timeline events and diffs, which its issue, pull
     * request, discussion, commit and compare pages load with scripts (a long thread sends only
     * its first and last comments), in the shapes GitHub gives them: numbers and commit hashes.
     */
    private static final Pattern GITHUB_SCRIPTED = Pattern.compile(
            "(?:issuecomment|discussioncomment|pullrequestreview|event)-\\d+|discussion_r\\d+|r\\d+"
                    + "|diff-[0-9a-f]{32,64}(?:[LR]\\d+(?:-[LR]\\d+)?)?|(?:commits-pushed|ref-commit)-[0-9a-f]{7,40}");
    /** The pages of a GitHub repository where those ids are: /OWNER/REPO/issues/1 and the like. */
    private static final Pattern GITHUB_THREAD = Pattern.compile("/[^/]+/[^/]+/(?:issues|pull|discussions|commit|compare)/.*");

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
        return !(isScriptState(fragment) || LINE_ANCHOR.matcher(id(fragment)).matches());
    }

    /** Whether a fragment is the state of a script's page: a route ({@code #/path}, {@code #!/path}) or parameters ({@code #page=2}). */
    static boolean isScriptState(String fragment) {
        String id = id(fragment);
        return id.startsWith("/") || id.startsWith("!") || id.indexOf('=') >= 0;
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
        // GitHub's script finds a heading's id whatever the case of the link (#Install for user-content-install).
        return anchors.contains(USER_CONTENT + id) || (decoded != null && anchors.contains(USER_CONTENT + decoded))
                || (decoded != null && anchors.contains(USER_CONTENT + decoded.toLowerCase(Locale.ROOT)));
    }

    /** Whether a fragment of a GitHub thread names what the page loads with a script, so the HTML as served may lack it. */
    static boolean loadedByGitHubScript(Url url, String fragment) {
        return (url.host().equals("github.com") || url.host().equals("www.github.com"))
                && GITHUB_THREAD.matcher(url.path()).matches() && GITHUB_SCRIPTED.matcher(id(fragment)).matches();
    }
}
