/**
 * The pipeline of Hemant Sethi's site: the values every package shares, the one exception for
 * problems a person can fix ({@link com.sethihemant.site.SiteException}, each
 * {@link com.sethihemant.site.Problem} with its file and line) and the process exit codes
 * ({@link com.sethihemant.site.ExitCodes}). Dependencies point one way:
 * {@code cli → serve → bake → theme → content → config}; {@code links} stands alone.
 */
package com.sethihemant.site;
