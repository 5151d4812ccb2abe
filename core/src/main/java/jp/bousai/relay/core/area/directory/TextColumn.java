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

    /** How the row's text matches a non-empty query, or {@code null} when it does not hold it. */
    MatchRank match(int row, String query) {
        int from = offsets[row];
        int to = offsets[row + 1];
        char first = query.charAt(0);
        int last = to - query.length();
        for (int start = from; start <= last; start++) {
            if (chars[start] == first && regionMatches(start, query)) {
                if (start > from) {
                    return MatchRank.SUBSTRING;
                }
                return to - from == query.length() ? MatchRank.EXACT : MatchRank.PREFIX;
            }
        }
        return null;
    }

    private boolean regionMatches(int start, String query) {
        for (int i = 1; i < query.length(); i++) {
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
