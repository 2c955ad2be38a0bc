package org.divergencelab.gan;

import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.util.Map;

/**
 * Generic access to nested records by dotted component path ({@code objective.lambda}): read a value, and
 * rebuild a record with some paths changed (or from leaf values alone) through the canonical constructors, so
 * their validation runs. This is what lets {@link ExperimentField} name each experiment setting once instead
 * of one hand-written copy method per setting.
 */
final class RecordPaths {
    private RecordPaths() {
    }

    private record Shape(RecordComponent[] components, Constructor<?> constructor) {
    }

    private static final ClassValue<Shape> SHAPES = new ClassValue<>() {
        @Override
        protected Shape computeValue(Class<?> type) {
            RecordComponent[] c = type.getRecordComponents();
            Class<?>[] types = new Class<?>[c.length];
            for (int i = 0; i < c.length; i++) {
                types[i] = c[i].getType();
            }
            try {
                return new Shape(c, type.getDeclaredConstructor(types));
            } catch (NoSuchMethodException e) {
                throw new IllegalStateException(type + " has no canonical constructor", e);
            }
        }
    };

    /** The components of a record type, in declaration order. */
    static RecordComponent[] components(Class<?> recordType) {
        return SHAPES.get(recordType).components();
    }

    /** The value at {@code path} below {@code root}. */
    static Object get(Object root, String path) {
        Object v = root;
        for (String name : path.split("\\.")) {
            v = read(v, component(v.getClass(), name));
        }
        return v;
    }

    /** The record component named {@code name} of {@code type}. */
    static RecordComponent component(Class<?> type, String name) {
        for (RecordComponent c : components(type)) {
            if (c.getName().equals(name)) {
                return c;
            }
        }
        throw new IllegalArgumentException(type.getSimpleName() + " has no component '" + name + "'");
    }

    /**
     * A record of {@code type} whose components are {@code changes} (keyed by full dotted path), nested records
     * rebuilt where a change lies below them, everything else taken from {@code base} (null: every leaf must be
     * in {@code changes}).
     */
    static <R> R rebuild(Class<R> type, String prefix, R base, Map<String, ?> changes) {
        Shape s = SHAPES.get(type);
        Object[] args = new Object[s.components().length];
        for (int i = 0; i < args.length; i++) {
            RecordComponent c = s.components()[i];
            String path = prefix.isEmpty() ? c.getName() : prefix + "." + c.getName();
            if (changes.containsKey(path)) {
                args[i] = changes.get(path);
            } else if (c.getType().isRecord() && (base == null || below(path, changes))) {
                args[i] = rebuildUntyped(c.getType(), path, base == null ? null : read(base, c), changes);
            } else if (base != null) {
                args[i] = read(base, c);
            } else {
                throw new IllegalStateException("no value for " + path);
            }
        }
        try {
            return type.cast(s.constructor().newInstance(args));
        } catch (InvocationTargetException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            throw new IllegalStateException(e.getCause());
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }

    private static <R> R rebuildUntyped(Class<R> type, String prefix, Object base, Map<String, ?> changes) {
        return rebuild(type, prefix, type.cast(base), changes);
    }

    private static boolean below(String path, Map<String, ?> changes) {
        for (String k : changes.keySet()) {
            if (k.startsWith(path + ".")) {
                return true;
            }
        }
        return false;
    }

    private static Object read(Object record, RecordComponent c) {
        try {
            return c.getAccessor().invoke(record);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }
}
