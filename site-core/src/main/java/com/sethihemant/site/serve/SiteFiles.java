package com.sethihemant.site.serve;

/**
 * Where a server finds the site's files: a folder on disk or a site held in memory. Paths are
 * relative, use '/' and never contain {@code .} or {@code ..} segments (the server rejects
 * those before asking).
 */
public interface SiteFiles {

    /** The bytes of a regular file, or {@code null} if there is none at {@code path}. */
    byte[] read(String path);

    /** Whether {@code path} names a folder (so {@code /path} redirects to {@code /path/}). */
    boolean isFolder(String path);
}
