package io.github.cameldfinery.emulator.validation;

import java.util.Set;

/**
 * An export filter over names: {@code all}, {@code include} (only the listed names) or {@code exclude} (all
 * but the listed names).
 */
public record NameFilter(Condition condition, Set<String> names) {

    /** The documented condition types. */
    public enum Condition {
        ALL, INCLUDE, EXCLUDE
    }

    public static NameFilter all() {
        return new NameFilter(Condition.ALL, Set.of());
    }

    public boolean accepts(String name) {
        switch (condition) {
            case INCLUDE: return names.contains(name);
            case EXCLUDE: return !names.contains(name);
            default: return true;
        }
    }
}
