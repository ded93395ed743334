package com.sethihemant.site.figures;

import org.asciidoctor.ast.Cursor;

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
        return file == null ? null : java.nio.file.Path.of(file).getParent() == null ? null
                : java.nio.file.Path.of(file).getParent().toString();
    }

    @Override
    public String getFile() {
        return file;
    }
}
