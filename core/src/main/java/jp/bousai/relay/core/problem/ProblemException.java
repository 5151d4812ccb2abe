package jp.bousai.relay.core.problem;

import java.util.List;

/**
 * A failure with a {@link ProblemType}, a detail telling the caller what to fix and, for invalid
 * input, every field error found.
 */
public class ProblemException extends RuntimeException {

    private final ProblemType type;
    private final List<FieldError> errors;

    public ProblemException(ProblemType type, String detail) {
        this(type, detail, List.of());
    }

    public ProblemException(ProblemType type, String detail, List<FieldError> errors) {
        super(detail, null, false, false);
        this.type = type;
        this.errors = List.copyOf(errors);
    }

    public ProblemException(ProblemType type, String detail, Throwable cause) {
        super(detail, cause);
        this.type = type;
        this.errors = List.of();
    }

    public ProblemType type() {
        return type;
    }

    public String detail() {
        return getMessage();
    }

    public List<FieldError> errors() {
        return errors;
    }

    /** An {@link ProblemType#INVALID} problem listing {@code errors}. */
    public static ProblemException invalid(List<FieldError> errors) {
        String detail = errors.size() == 1
                ? "1 field is invalid: " + errors.get(0).pointer() + ": " + errors.get(0).detail()
                : errors.size() + " fields are invalid; see errors";
        return new ProblemException(ProblemType.INVALID, detail, errors);
    }
}
