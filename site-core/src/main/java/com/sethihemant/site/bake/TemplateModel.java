package com.sethihemant.site.bake;

import com.sethihemant.site.theme.Page;
import com.sethihemant.site.theme.PageModel;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.reflect.RecordComponent;
import java.util.AbstractMap;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A {@link PageModel} as the map Groovy's templates read: each record component by its name, the
 * components of {@link Page} among them. Templates read it through {@link #strict()}, which refuses
 * a name the page's record does not declare (or that a template did not pass to the layout or
 * partial it calls), so a misspelt name fails the bake with the template's line instead of
 * rendering as nothing.
 */
final class TemplateModel extends AbstractMap<String, Object> {

    /** Each page kind's components, looked up once, as the names and accessors of the map. */
    private static final ClassValue<List<Component>> COMPONENTS = new ClassValue<>() {
        @Override
        protected List<Component> computeValue(Class<?> type) {
            List<Component> components = new ArrayList<>();
            MethodHandles.Lookup lookup = MethodHandles.publicLookup();
            for (RecordComponent component : type.getRecordComponents()) {
                try {
                    components.add(new Component(component.getName(), component.getType() == Page.class,
                            lookup.unreflect(component.getAccessor())));
                } catch (IllegalAccessException e) {
                    throw new IllegalStateException("page models are public records: " + type, e);
                }
            }
            return List.copyOf(components);
        }
    };

    private final Map<String, Object> values;
    /** Names the values, for messages: "a PostPage", "a PostPage, as passed to layouts/default.tpl". */
    private final String what;

    private TemplateModel(Map<String, Object> values, String what) {
        this.values = Collections.unmodifiableMap(values);
        this.what = what;
    }

    /** The model of one page, as its template reads it. */
    static TemplateModel of(PageModel page) {
        Map<String, Object> values = new LinkedHashMap<>();
        addComponents((Record) page, values);
        return new TemplateModel(values, "a " + page.getClass().getSimpleName());
    }

    private static void addComponents(Record record, Map<String, Object> values) {
        for (Component component : COMPONENTS.get(record.getClass())) {
            Object value = component.read(record);
            if (component.flatten()) {
                addComponents((Record) value, values);
            } else if (values.containsKey(component.name())) {
                throw new IllegalStateException(record.getClass().getSimpleName() + " declares '" + component.name()
                        + "', which Page already has");
            } else {
                values.put(component.name(), value);
            }
        }
    }

    /**
     * This model and the parameters a template passes to a layout or partial it calls (with
     * {@code layout(..., true, name: value)}), which may add names and replace values.
     */
    TemplateModel with(Map<?, ?> parameters, String template) {
        Map<String, Object> forked = new LinkedHashMap<>(values);
        parameters.forEach((name, value) -> forked.put(String.valueOf(name), value));
        return new TemplateModel(forked, what.replaceFirst(", as passed to .*", "") + ", as passed to " + template);
    }

    /**
     * The model of a partial called with {@link HtmlTemplate#partial}: the parameters and nothing
     * of the calling page's model.
     */
    static TemplateModel parameters(Map<?, ?> parameters, String template) {
        Map<String, Object> values = new LinkedHashMap<>();
        parameters.forEach((name, value) -> values.put(String.valueOf(name), value));
        return new TemplateModel(values, "the parameters passed to " + template);
    }

    /** The view templates read through: an unknown name is an error, and nothing can be changed. */
    Map<String, Object> strict() {
        return new Strict();
    }

    @Override
    public Object get(Object key) {
        return values.get(key);
    }

    @Override
    public boolean containsKey(Object key) {
        return values.containsKey(key);
    }

    @Override
    public Set<Entry<String, Object>> entrySet() {
        return values.entrySet();
    }

    private final class Strict extends AbstractMap<String, Object> {
        @Override
        public Object get(Object key) {
            if (!values.containsKey(key)) {
                throw new IllegalArgumentException("the template reads '" + key + "', which the model of "
                        + what + " does not have; it has " + values.keySet()
                        + " (see the records in com.sethihemant.site.theme)");
            }
            return values.get(key);
        }

        @Override
        public boolean containsKey(Object key) {
            return values.containsKey(key);
        }

        @Override
        public Object put(String key, Object value) {
            throw new UnsupportedOperationException("a template cannot change the model ('" + key
                    + "'); declare a local variable with def instead");
        }

        @Override
        public Set<Entry<String, Object>> entrySet() {
            return values.entrySet();
        }
    }

    private record Component(String name, boolean flatten, MethodHandle accessor) {
        Object read(Record record) {
            try {
                return accessor.invoke(record);
            } catch (RuntimeException | Error e) {
                throw e;
            } catch (Throwable e) {
                throw new IllegalStateException("cannot read " + name + " of " + record.getClass(), e);
            }
        }
    }
}
