package com.sethihemant.site.bake;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/** A small indenting wrapper over the JDK's StAX writer for the feed and the sitemap. */
final class XmlOut {

    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream(64 * 1024);
    private final XMLStreamWriter xml;
    private int depth;
    private boolean hadChild;

    XmlOut() {
        try {
            xml = XMLOutputFactory.newFactory().createXMLStreamWriter(bytes, "UTF-8");
            xml.writeStartDocument("UTF-8", "1.0");
        } catch (XMLStreamException e) {
            throw new IllegalStateException(e);
        }
    }

    XmlOut open(String name, String... attributes) {
        run(() -> {
            indent();
            xml.writeStartElement(name);
            for (int i = 0; i < attributes.length; i += 2) {
                xml.writeAttribute(attributes[i], attributes[i + 1]);
            }
        });
        depth++;
        hadChild = false;
        return this;
    }

    XmlOut close() {
        depth--;
        run(() -> {
            if (hadChild) {
                indent();
            }
            xml.writeEndElement();
        });
        hadChild = true;
        return this;
    }

    /** An element with text content. */
    XmlOut text(String name, String text, String... attributes) {
        run(() -> {
            indent();
            xml.writeStartElement(name);
            for (int i = 0; i < attributes.length; i += 2) {
                xml.writeAttribute(attributes[i], attributes[i + 1]);
            }
            xml.writeCharacters(text);
            xml.writeEndElement();
        });
        hadChild = true;
        return this;
    }

    /** An element with attributes only. */
    XmlOut empty(String name, String... attributes) {
        run(() -> {
            indent();
            xml.writeEmptyElement(name);
            for (int i = 0; i < attributes.length; i += 2) {
                xml.writeAttribute(attributes[i], attributes[i + 1]);
            }
        });
        hadChild = true;
        return this;
    }

    byte[] finish() {
        run(() -> {
            xml.writeEndDocument();
            xml.writeCharacters("\n");
            xml.close();
        });
        return bytes.toByteArray();
    }

    private void indent() throws XMLStreamException {
        xml.writeCharacters("\n" + "  ".repeat(depth));
    }

    private void run(XmlAction action) {
        try {
            action.run();
        } catch (XMLStreamException e) {
            throw new UncheckedIOException(new IOException(e));
        }
    }

    @FunctionalInterface
    private interface XmlAction {
        void run() throws XMLStreamException;
    }

    @Override
    public String toString() {
        return bytes.toString(StandardCharsets.UTF_8);
    }
}
