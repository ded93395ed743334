/**
 * The {@code site} command line (picocli): {@code bake}, {@code serve}, {@code check-links},
 * {@code new-post} and {@code new-note}. {@link com.sethihemant.site.cli.Main#run} returns the
 * exit code, so tests and the build call it without exiting.
 */
package com.sethihemant.site.cli;
