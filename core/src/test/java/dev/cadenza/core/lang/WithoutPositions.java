package dev.cadenza.core.lang;

import dev.cadenza.core.model.SourcePosition;

import java.lang.reflect.RecordComponent;
import java.util.List;

/**
 * A copy of a model tree with every {@link SourcePosition} replaced by {@link SourcePosition#NONE},
 * so that a parsed model can be compared with a built one, or with itself after a print and a
 * parse, by plain {@code equals}. Walks records generically through their public canonical
 * constructors, so a record added to the model later is covered without touching this.
 */
final class WithoutPositions {

    private WithoutPositions() {
    }

    @SuppressWarnings("unchecked")
    static <T> T strip(T value) {
        return (T) copy(value);
    }

    private static Object copy(Object value) {
        if (value instanceof SourcePosition) {
            return SourcePosition.NONE;
        }
        if (value instanceof List<?> list) {
            return list.stream().map(WithoutPositions::copy).toList();
        }
        if (value != null && value.getClass().isRecord()) {
            RecordComponent[] components = value.getClass().getRecordComponents();
            Class<?>[] types = new Class<?>[components.length];
            Object[] args = new Object[components.length];
            try {
                for (int i = 0; i < components.length; i++) {
                    types[i] = components[i].getType();
                    args[i] = copy(components[i].getAccessor().invoke(value));
                }
                return value.getClass().getDeclaredConstructor(types).newInstance(args);
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException("cannot copy " + value.getClass(), e);
            }
        }
        return value;
    }
}
