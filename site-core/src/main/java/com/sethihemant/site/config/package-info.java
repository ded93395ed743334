/**
 * The site's YAML files, read strictly: {@link com.sethihemant.site.config.YamlNode} remembers
 * each value's file and line and holds the validators every file shares;
 * {@link com.sethihemant.site.config.Key} documents a key with its default; and
 * {@link com.sethihemant.site.config.SiteConfig} is {@code site.yml}.
 */
package com.sethihemant.site.config;
