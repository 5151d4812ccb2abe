package jp.bousai.relay.core.advisory;

import java.util.Locale;
import java.util.Optional;

/**
 * An enum constant with the name it goes by on the wire. By default that is the constant's name
 * in lower case with dashes, e.g. {@code NOT_OPENED} is {@code not-opened}.
 */
public interface WireNamed {

    default String wireName() {
        return ((Enum<?>) this).name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** The constant of {@code type} whose wire name is exactly {@code name}. */
    static <E extends Enum<E> & WireNamed> Optional<E> find(Class<E> type, String name) {
        for (E constant : type.getEnumConstants()) {
            if (constant.wireName().equals(name)) {
                return Optional.of(constant);
            }
        }
        return Optional.empty();
    }

    /** The wire names of all constants of {@code type}, for error messages. */
    static <E extends Enum<E> & WireNamed> String list(Class<E> type) {
        StringBuilder names = new StringBuilder();
        for (E constant : type.getEnumConstants()) {
            names.append(names.isEmpty() ? "" : ", ").append(constant.wireName());
        }
        return names.toString();
    }
}
