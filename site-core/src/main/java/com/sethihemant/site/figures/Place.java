package com.sethihemant.site.figures;

import org.asciidoctor.ast.Cursor;

import java.nio.file.Path;

/** Where a figure's problem is, as Asciidoctor's log records carry it: a file and a line. */
record Place(String file, int lineNumber) implements Cursor {

    @Override
    public int getLineNumber() {
        return lineNumber;
    }

    @Override
    public String getPath() {
        return file;
    }

    @Override
    public String getDir() {
        Path parent = file == null ? null : Path.of(file).getParent();
        return parent == null ? null : parent.toString();
    }

    @Override
    public String getFile() {
        return file;
    }
}
