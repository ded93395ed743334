/**
 * Tests of the repository's continuous integration: the GitHub Actions workflows read as a
 * security reviewer would ({@link com.sethihemant.site.blog.ci.WorkflowRules}), the one command
 * line {@code .ci/run} and {@code build.yml} share, and the script that keeps the link-rot issue.
 */
package com.sethihemant.site.blog.ci;
