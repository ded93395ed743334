package com.sethihemant.site.bake;

/**
 * How to bake.
 *
 * @param preview include drafts and scheduled posts, for the author's local preview only
 * @param editUrl the address that "edit this page" links start with, such as
 *                {@code https://github.com/OWNER/REPO/edit/main/}, followed by the source's path
 *                in the project; {@code null} takes {@code editUrl} from {@code site.yml}, and an
 *                empty value hides the links
 */
public record BakeOptions(boolean preview, String editUrl) {

    /** The published site. */
    public static final BakeOptions PUBLISH = new BakeOptions(false, null);
    /** The author's preview, with drafts and scheduled posts. */
    public static final BakeOptions PREVIEW = new BakeOptions(true, null);

    public BakeOptions withEditUrl(String url) {
        return new BakeOptions(preview, url);
    }
}
