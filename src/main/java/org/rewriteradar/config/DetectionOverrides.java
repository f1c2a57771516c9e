package org.rewriteradar.config;

import java.lang.reflect.Constructor;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.rewriteradar.similarity.DetectionSettings;

/**
 * Applies {@code radar.detection.<group>.<setting>} overrides onto {@link DetectionSettings#defaults()}:
 * every component of each group record of {@link DetectionSettings} is a setting, both named in kebab-case
 * ({@code weights().alertThreshold()} → {@code radar.detection.weights.alert-threshold}, {@code
 * gate().minUnigram()} → {@code radar.detection.gate.min-unigram}). The keys of {@code overrides} are the
 * names after {@code radar.detection.}. A name may also arrive in an environment variable's spelling, where
 * dashes became dots ({@code RADAR_DETECTION_WEIGHTS_ALERT_THRESHOLD} gives {@code weights.alert.threshold}):
 * names are matched ignoring case, dots and dashes, the exact spelling winning when both are given. Unknown
 * names and unparsable values fail at start-up.
 */
public final class DetectionOverrides {

    private DetectionOverrides() {}

    public static DetectionSettings apply(DetectionSettings defaults, Map<String, String> overrides) {
        Set<String> unknown = new TreeSet<>(overrides.keySet());
        List<String> known = new ArrayList<>();
        DetectionSettings out = build(DetectionSettings.class, defaults, "", overrides, unknown, known);
        if (!unknown.isEmpty()) {
            throw new IllegalArgumentException("unknown radar.detection settings " + unknown + "; known: " + known);
        }
        return out;
    }

    /** A copy of the record {@code current} with the overrides under {@code prefix} applied, recursively. */
    private static <R extends Record> R build(
            Class<R> type,
            Object current,
            String prefix,
            Map<String, String> overrides,
            Set<String> unknown,
            List<String> known) {
        RecordComponent[] components = type.getRecordComponents();
        Object[] values = new Object[components.length];
        Class<?>[] types = new Class<?>[components.length];
        try {
            for (int i = 0; i < components.length; i++) {
                RecordComponent c = components[i];
                types[i] = c.getType();
                String name = prefix + kebab(c.getName());
                Object value = c.getAccessor().invoke(current);
                if (c.getType().isRecord()) {
                    values[i] =
                            build(c.getType().asSubclass(Record.class), value, name + ".", overrides, unknown, known);
                } else {
                    known.add(name);
                    String raw = lookup(overrides, name);
                    unknown.removeIf(k -> canonical(k).equals(canonical(name)));
                    values[i] = raw == null ? value : parse(name, raw.trim(), c.getType());
                }
            }
            Constructor<R> ctor = type.getDeclaredConstructor(types);
            return ctor.newInstance(values);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot build " + type.getSimpleName(), e);
        }
    }

    /** The value for {@code name}: under that exact key, else under a key spelled differently ({@link #canonical}). */
    private static String lookup(Map<String, String> overrides, String name) {
        String exact = overrides.get(name);
        if (exact != null) {
            return exact;
        }
        String wanted = canonical(name);
        for (Map.Entry<String, String> e : overrides.entrySet()) {
            if (canonical(e.getKey()).equals(wanted)) {
                return e.getValue();
            }
        }
        return null;
    }

    /** A setting's name without case, dots or dashes: how its property and environment spellings agree. */
    static String canonical(String name) {
        return name.toLowerCase(Locale.ROOT).replace(".", "").replace("-", "");
    }

    static String kebab(String camel) {
        return camel.replaceAll("([a-z0-9])([A-Z])", "$1-$2").toLowerCase(Locale.ROOT);
    }

    private static Object parse(String name, String raw, Class<?> type) {
        try {
            if (type == int.class) {
                return Integer.parseInt(raw);
            }
            if (type == long.class) {
                return Long.parseLong(raw);
            }
            if (type == double.class) {
                return Double.parseDouble(raw);
            }
            if (type == boolean.class) {
                return Boolean.parseBoolean(raw);
            }
            if (type == String.class) {
                return raw;
            }
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("radar.detection." + name + "=" + raw + " is not a " + type, e);
        }
        throw new IllegalStateException("unsupported setting type " + type + " of " + name);
    }
}
