package jp.bousai.relay.core.area.directory;

/**
 * A column of strings kept in one char array, so that 222,758 towns cost a few arrays instead of
 * a million objects, and search runs over plain memory.
 */
final class TextColumn {

    private final char[] chars;
    private final int[] offsets;

    private TextColumn(char[] chars, int[] offsets) {
        this.chars = chars;
        this.offsets = offsets;
    }

    String get(int row) {
        return new String(chars, offsets[row], offsets[row + 1] - offsets[row]);
    }

    boolean equalsAt(int row, String query) {
        return offsets[row + 1] - offsets[row] == query.length() && regionMatches(offsets[row], query);
    }

    boolean startsWith(int row, String query) {
        return offsets[row + 1] - offsets[row] >= query.length() && regionMatches(offsets[row], query);
    }

    boolean contains(int row, String query) {
        int last = offsets[row + 1] - query.length();
        for (int start = offsets[row]; start <= last; start++) {
            if (regionMatches(start, query)) {
                return true;
            }
        }
        return false;
    }

    private boolean regionMatches(int start, String query) {
        for (int i = 0; i < query.length(); i++) {
            if (chars[start + i] != query.charAt(i)) {
                return false;
            }
        }
        return true;
    }

    long heapBytes() {
        return 2L * chars.length + 4L * offsets.length;
    }

    /** Collects the strings of a column in row order. */
    static final class Builder {
        private final StringBuilder text = new StringBuilder();
        private int[] offsets = new int[1024];
        private int rows;

        void add(String value) {
            text.append(value);
            if (rows + 2 > offsets.length) {
                offsets = java.util.Arrays.copyOf(offsets, offsets.length * 2);
            }
            offsets[++rows] = text.length();
        }

        TextColumn build() {
            char[] chars = new char[text.length()];
            text.getChars(0, text.length(), chars, 0);
            return new TextColumn(chars, java.util.Arrays.copyOf(offsets, rows + 1));
        }
    }
}
