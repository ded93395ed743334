package com.sethihemant.site.content;

import org.asciidoctor.Asciidoctor;
import org.asciidoctor.ast.StructuralNode;
import org.asciidoctor.extension.BlockMacroProcessor;
import org.asciidoctor.extension.BlockProcessor;
import org.asciidoctor.extension.Contexts;
import org.asciidoctor.extension.Name;
import org.asciidoctor.extension.Reader;
import org.asciidoctor.jruby.extension.spi.ExtensionRegistry;

import java.util.Map;

/**
 * Two extensions registered with every Asciidoctor of the tests (through AsciidoctorJ's service
 * file), standing for the ones the site adds: a block macro {@code sample-chart::} and a block
 * style {@code [sample-diagram]}. Tests show that the parser accepts what Asciidoctor has
 * registered, without a list of its own.
 */
public final class SampleExtensions implements ExtensionRegistry {

    @Override
    public void register(Asciidoctor asciidoctor) {
        asciidoctor.javaExtensionRegistry().blockMacro(Chart.class).block(Diagram.class);
    }

    /** {@code sample-chart::data.csv[]} becomes a figure naming its data. */
    @Name("sample-chart")
    public static final class Chart extends BlockMacroProcessor {
        @Override
        public Object process(StructuralNode parent, String target, Map<String, Object> attributes) {
            return createBlock(parent, "pass", "<figure class=\"sample-chart\">" + target + "</figure>");
        }
    }

    /** {@code [sample-diagram]} on a listing block becomes a figure holding its text. */
    @Name("sample-diagram")
    @Contexts({Contexts.LISTING, Contexts.PARAGRAPH})
    public static final class Diagram extends BlockProcessor {
        @Override
        public Object process(StructuralNode parent, Reader reader, Map<String, Object> attributes) {
            return createBlock(parent, "pass", "<figure class=\"sample-diagram\">" + reader.read() + "</figure>");
        }
    }
}
