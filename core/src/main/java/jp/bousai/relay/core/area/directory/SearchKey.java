package jp.bousai.relay.core.area.directory;

import java.text.Normalizer;

/**
 * The form names, readings and queries are compared in: NFKC (full/half width folded, so
 * {@code ｿﾄｶﾝﾀﾞ} and {@code １} read as {@code ソトカンダ} and {@code 1}), katakana folded to
 * hiragana, Latin letters lower-cased and white space dropped.
 */
final class SearchKey {

    private static final char KATAKANA_FIRST = '\u30A1';
    private static final char KATAKANA_LAST = '\u30F6';
    private static final int KATAKANA_TO_HIRAGANA = 0x60;

    private SearchKey() {
    }

    static String of(String text) {
        String folded = Normalizer.normalize(text, Normalizer.Form.NFKC);
        StringBuilder key = new StringBuilder(folded.length());
        for (int i = 0; i < folded.length(); i++) {
            char c = folded.charAt(i);
            if (Character.isWhitespace(c) || Character.isSpaceChar(c)) {
                continue;
            }
            if (c >= KATAKANA_FIRST && c <= KATAKANA_LAST) {
                c = (char) (c - KATAKANA_TO_HIRAGANA);
            } else if (c >= 'A' && c <= 'Z') {
                c = (char) (c + ('a' - 'A'));
            }
            key.append(c);
        }
        return key.toString();
    }
}
