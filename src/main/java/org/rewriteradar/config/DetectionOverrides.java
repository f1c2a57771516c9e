package org.rewriteradar.config;

import java.lang.reflect.Constructor;
import java.lang.reflect.RecordComponent;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.rewriteradar.similarity.DetectionSettings;

/**
 * Applies {@code radar.detection.<setting>} overrides onto {@link DetectionSettings#defaults()}: every
 * component of the record is a setting, named in kebab-case ({@code alertThreshold} →
 * {@code radar.detection.alert-threshold}). Unknown names and unparsable values fail at start-up.
 */
public final class DetectionOverrides {

    private DetectionOverrides() {}

    public static DetectionSettings apply(DetectionSettings defaults, Map<String, String> overrides) {
        RecordComponent[] components = DetectionSettings.class.getRecordComponents();
        Set<String> unknown = new TreeSet<>(overrides.keySet());
        Object[] values = new Object[components.length];
        Class<?>[] types = new Class<?>[components.length];
        try {
            for (int i = 0; i < components.length; i++) {
                RecordComponent c = components[i];
                types[i] = c.getType();
                String name = kebab(c.getName());
                String raw = overrides.get(name);
                unknown.remove(name);
                values[i] = raw == null ? c.getAccessor().invoke(defaults) : parse(name, raw.trim(), c.getType());
            }
            if (!unknown.isEmpty()) {
                throw new IllegalArgumentException("unknown radar.detection settings " + unknown + "; known: "
                        + java.util.Arrays.stream(components)
                                .map(c -> kebab(c.getName()))
                                .toList());
            }
            Constructor<DetectionSettings> ctor = DetectionSettings.class.getDeclaredConstructor(types);
            return ctor.newInstance(values);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot build DetectionSettings", e);
        }
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
