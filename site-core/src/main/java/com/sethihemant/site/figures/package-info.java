/**
 * Diagrams, math and charts, rendered while a source is parsed: {@code [plantuml]} blocks to SVG
 * with PlantUML, {@code stem}, {@code latexmath} and {@code asciimath} to MathML, and
 * {@code chart::data.csv[...]} to an SVG chart with its data as a table. Everything is drawn at
 * build time, in this JVM, with class names the theme colours for light and dark and no
 * {@code style} attribute (the site's Content-Security-Policy forbids them). {@link Figures} is
 * the entry point; {@link FigureCache} keeps what was rendered, by a digest of its source.
 */
package com.sethihemant.site.figures;
