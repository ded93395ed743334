/**
 * What the site is written in: {@link com.sethihemant.site.content.ContentParser} turns an
 * AsciiDoc file into a {@link com.sethihemant.site.content.Document} (failing on any header
 * mistake or Asciidoctor warning, with file and line), {@link com.sethihemant.site.content.Routes}
 * decides every URL, and {@link com.sethihemant.site.content.DataFiles} reads the data folder.
 */
package com.sethihemant.site.content;
