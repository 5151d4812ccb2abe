package jp.bousai.relay.core.validation;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import jp.bousai.relay.core.problem.FieldError;
import jp.bousai.relay.core.problem.ProblemException;

/**
 * Collects field errors so that a sender learns of every one at once. The first error at a
 * pointer wins: a decoder's "wrong type" is not repeated as a rule's "required".
 */
public final class FieldErrors {

    private final Map<String, String> byPointer = new LinkedHashMap<>();

    public FieldErrors add(String pointer, String detail) {
        byPointer.putIfAbsent(pointer, detail);
        return this;
    }

    public boolean isEmpty() {
        return byPointer.isEmpty();
    }

    public boolean has(String pointer) {
        return byPointer.containsKey(pointer);
    }

    public List<FieldError> list() {
        List<FieldError> errors = new ArrayList<>(byPointer.size());
        byPointer.forEach((pointer, detail) -> errors.add(new FieldError(pointer, detail)));
        return errors;
    }

    /** Throws an invalid-advisory problem when any error was collected. */
    public void throwIfAny() {
        if (!isEmpty()) {
            throw ProblemException.invalid(list());
        }
    }
}
