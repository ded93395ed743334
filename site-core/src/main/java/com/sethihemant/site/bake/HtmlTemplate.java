package com.sethihemant.site.bake;

import com.sethihemant.site.JsonStrings;
import groovy.lang.GString;
import groovy.text.markup.BaseTemplate;
import groovy.text.markup.MarkupTemplateEngine;
import groovy.text.markup.TemplateConfiguration;

import java.io.IOException;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * The base class of the theme's templates: Groovy's markup builder, made to write HTML rather than
 * XML. Void elements ({@code meta}, {@code link}, {@code img}, ...) are written as {@code <meta ...>}
 * with no end tag and no trailing slash; attributes whose value is {@code null} are left out; and a
 * text body passed as an argument, as in {@code p(title)}, is escaped like {@code yield} would.
 * Templates also get {@link #json(Object)} for structured data.
 *
 * <p>A page's model is a {@link TemplateModel}: a template reads only the names its page's record
 * declares, plus the parameters passed to the layout or partial it is in; any other name fails.
 */
public abstract class HtmlTemplate extends BaseTemplate {

    /** The elements HTML defines as void: they never have content or an end tag. */
    static final Set<String> VOID_ELEMENTS = Set.of("area", "base", "br", "col", "embed", "hr", "img", "input",
            "link", "meta", "source", "track", "wbr");

    private final MarkupTemplateEngine engine;

    protected HtmlTemplate(MarkupTemplateEngine engine, Map<?, ?> model, Map<String, String> modelTypes,
                           TemplateConfiguration configuration) {
        super(engine, model, modelTypes, configuration);
        this.engine = engine;
    }

    /**
     * The model as templates read it (Groovy compiles each name a template does not declare into
     * {@code getModel().get(name)}): strict, when it is a page's {@link TemplateModel}.
     */
    @Override
    @SuppressWarnings("rawtypes")
    public Map getModel() {
        return super.getModel() instanceof TemplateModel model ? model.strict() : super.getModel();
    }

    /**
     * Calls a layout or partial; with {@code inheritModel}, it reads this model and the parameters,
     * as strictly as this template does.
     */
    @Override
    @SuppressWarnings("rawtypes")
    public Object layout(Map parameters, String template, boolean inheritModel)
            throws IOException, ClassNotFoundException {
        if (inheritModel && super.getModel() instanceof TemplateModel model) {
            return super.layout(model.with(parameters, template), template, false);
        }
        return super.layout(parameters, template, inheritModel);
    }

    /**
     * Renders a partial that reads its parameters and nothing else: not this page's model (a name
     * it was not passed fails, as a misspelt one does). What it writes therefore depends on the
     * parameters alone, and the theme renders each distinct set of them once: a listing of a
     * thousand posts, or the same post in a tag page, a blog page and the archive, then costs a
     * lookup per entry, also in the next build of the preview. Pass everything the partial shows,
     * {@code fmt} included; parameters are compared with {@code equals}, as page models are.
     */
    @SuppressWarnings("rawtypes")
    public HtmlTemplate partial(Map parameters, String template) throws IOException, ClassNotFoundException {
        TemplateModel model = TemplateModel.parameters(parameters, template);
        if (engine instanceof Templates.ThemeEngine theme) {
            yieldUnescaped(theme.partial(template, model));
        } else {
            super.layout(model, template, false);
        }
        return this;
    }

    @Override
    public Object methodMissing(String tagName, Object args) throws IOException {
        // The model as given, not the strict view: every element's name is looked up in it.
        if (!(args instanceof Object[] arguments) || super.getModel().get(tagName) instanceof groovy.lang.Closure) {
            return super.methodMissing(tagName, args);
        }
        if (VOID_ELEMENTS.contains(tagName)) {
            StringBuilder tag = new StringBuilder("<").append(tagName);
            for (Object argument : arguments) {
                if (argument instanceof Map<?, ?> attributes) {
                    attributes.forEach((name, value) -> {
                        if (value != null) {
                            tag.append(' ').append(name).append("=\"").append(escape(value.toString())).append('"');
                        }
                    });
                } else {
                    throw new IllegalArgumentException("<" + tagName + "> is a void element: it takes attributes only");
                }
            }
            yieldUnescaped(tag.append('>'));
            return this;
        }
        Object[] safe = arguments.clone();
        for (int i = 0; i < safe.length; i++) {
            if (safe[i] instanceof String || safe[i] instanceof GString) {
                safe[i] = escape(safe[i].toString());
            } else if (safe[i] instanceof Map<?, ?> attributes && attributes.containsValue(null)) {
                Map<Object, Object> present = new LinkedHashMap<>();
                attributes.forEach((k, v) -> {
                    if (v != null) {
                        present.put(k, v);
                    }
                });
                safe[i] = present;
            }
        }
        return super.methodMissing(tagName, safe);
    }

    /**
     * Writes a value as JSON that is safe inside {@code <script type="application/ld+json">}: maps
     * (keys in their order), lists and arrays, strings, numbers, booleans and null; any other value
     * (a date, a URI) as its string. {@code <}, {@code >} and {@code &} are written as Unicode escapes,
     * so no value can end the script element or open a comment.
     */
    public String json(Object value) {
        StringBuilder out = new StringBuilder();
        writeJson(value, out);
        return out.toString();
    }

    private static void writeJson(Object value, StringBuilder out) {
        if (value == null) {
            out.append("null");
        } else if (value instanceof Map<?, ?> map) {
            out.append('{');
            String separator = "";
            for (Map.Entry<?, ?> entry : map.entrySet()) {
                out.append(separator);
                JsonStrings.quote(String.valueOf(entry.getKey()), out);
                out.append(':');
                writeJson(entry.getValue(), out);
                separator = ",";
            }
            out.append('}');
        } else if (value instanceof Iterable<?> || value instanceof Object[]) {
            Iterable<?> items = value instanceof Object[] array ? Arrays.asList(array) : (Iterable<?>) value;
            out.append('[');
            String separator = "";
            for (Object item : items) {
                out.append(separator);
                writeJson(item, out);
                separator = ",";
            }
            out.append(']');
        } else if (value instanceof Boolean || value instanceof Integer || value instanceof Long) {
            out.append(value);
        } else if (value instanceof Number number && Double.isFinite(number.doubleValue())) {
            out.append(number);
        } else {
            JsonStrings.quote(value.toString(), out);
        }
    }

    /** Escapes text for an HTML attribute value or text content. */
    static String escape(String text) {
        StringBuilder out = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }
}
