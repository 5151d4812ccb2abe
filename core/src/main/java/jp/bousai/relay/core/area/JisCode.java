package jp.bousai.relay.core.area;

/**
 * A JIS X 0402 local-government code: five digits plus a check digit, e.g. {@code 131016}
 * for 千代田区. The first two digits are the prefecture (01–47); a prefecture itself is
 * {@code pp000} plus its check digit, e.g. {@code 130001} for 東京都.
 */
public record JisCode(String value) implements Comparable<JisCode> {

    private static final int[] WEIGHTS = {6, 5, 4, 3, 2};

    public JisCode {
        String problem = problemWith(value);
        if (problem != null) {
            throw new IllegalArgumentException(problem);
        }
    }

    /** Parses a six-digit code, verifying its check digit and prefecture number. */
    public static JisCode parse(String value) {
        return new JisCode(value);
    }

    /** Builds the six-digit code for five digits without check digit, e.g. {@code 13101}. */
    public static JisCode fromFiveDigits(String fiveDigits) {
        if (fiveDigits == null || !fiveDigits.matches("\\d{5}")) {
            throw new IllegalArgumentException("expected five digits, got '" + fiveDigits + "'");
        }
        return new JisCode(fiveDigits + checkDigit(fiveDigits));
    }

    /** The code of a prefecture by its number 1–47. */
    public static JisCode ofPrefecture(int number) {
        if (number < 1 || number > 47) {
            throw new IllegalArgumentException("prefecture number must be 01–47, got " + number);
        }
        return fromFiveDigits(String.format("%02d000", number));
    }

    /** Why {@code value} is not a valid code, or {@code null} when it is. */
    public static String problemWith(String value) {
        if (value == null || !value.matches("\\d{6}")) {
            return "a JIS X 0402 code has six digits (five plus a check digit), got '" + value + "'";
        }
        int prefecture = Integer.parseInt(value.substring(0, 2));
        if (prefecture < 1 || prefecture > 47) {
            return "JIS X 0402 code " + value + " names no prefecture: the first two digits must be 01–47";
        }
        char expected = checkDigit(value.substring(0, 5));
        if (value.charAt(5) != expected) {
            return "JIS X 0402 code " + value + " has a wrong check digit: " + value.substring(0, 5)
                    + " takes check digit " + expected;
        }
        return null;
    }

    static char checkDigit(String fiveDigits) {
        int sum = 0;
        for (int i = 0; i < 5; i++) {
            sum += (fiveDigits.charAt(i) - '0') * WEIGHTS[i];
        }
        int digit = (11 - sum % 11) % 10;
        return (char) ('0' + digit);
    }

    /** The two-digit prefecture number, e.g. {@code "13"}. */
    public String prefectureNumber() {
        return value.substring(0, 2);
    }

    /** The code of the prefecture this code belongs to (itself for a prefecture). */
    public JisCode prefecture() {
        return isPrefecture() ? this : ofPrefecture(Integer.parseInt(prefectureNumber()));
    }

    public boolean isPrefecture() {
        return value.startsWith("000", 2);
    }

    /** Whether this code is {@code other} or, being a prefecture, contains it. */
    public boolean covers(JisCode other) {
        return equals(other) || (isPrefecture() && prefectureNumber().equals(other.prefectureNumber()));
    }

    @Override
    public int compareTo(JisCode other) {
        return value.compareTo(other.value);
    }

    @Override
    public String toString() {
        return value;
    }
}
