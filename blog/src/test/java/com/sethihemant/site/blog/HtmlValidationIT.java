package com.sethihemant.site.blog;

import nu.validator.validation.SimpleDocumentValidator;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.xml.sax.ErrorHandler;
import org.xml.sax.SAXParseException;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

/** Every HTML page of the real site passes the Nu Html Checker (the W3C's validator) with no error. */
class HtmlValidationIT {

    private static final String HTML5_SCHEMA = "http://s.validator.nu/html5-rdfalite.rnc";

    private static SimpleDocumentValidator validator;
    private static final Collector messages = new Collector();

    @BeforeAll
    static void setUp() throws Exception {
        // The schema ships inside the validator's jar; nothing is fetched.
        validator = new SimpleDocumentValidator(true, false, false);
        validator.setUpMainSchema(HTML5_SCHEMA, messages);
        validator.setUpValidatorAndParsers(messages, true, false);
    }

    @Test
    void everyPageIsValidHtml() throws Exception {
        List<Path> pages = BakedSite.htmlFiles();
        assertFalse(pages.isEmpty());
        for (Path page : pages) {
            messages.file = BakedSite.sitePath(page);
            validator.checkHtmlFile(page.toFile(), true);
        }
        assertEquals(List.of(), messages.errors, "validator errors");
    }

    /** Collects errors with their page and position; warnings are kept for the report only. */
    private static final class Collector implements ErrorHandler {
        String file = "";
        final List<String> errors = new ArrayList<>();

        @Override
        public void warning(SAXParseException e) {
            System.out.println("warning: " + describe(e));
        }

        @Override
        public void error(SAXParseException e) {
            errors.add(describe(e));
        }

        @Override
        public void fatalError(SAXParseException e) {
            errors.add(describe(e));
        }

        private String describe(SAXParseException e) {
            return file + ":" + e.getLineNumber() + ":" + e.getColumnNumber() + ": " + e.getMessage();
        }
    }
}
