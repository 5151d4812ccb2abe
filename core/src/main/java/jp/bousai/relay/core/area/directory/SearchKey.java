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
        String folded = needsNfkc(text) ? Normalizer.normalize(text, Normalizer.Form.NFKC) : text;
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
        String result = key.toString();
        return result.equals(text) ? text : result;
    }

    /**
     * Whether NFKC could change the text: false for the characters nearly every name and reading
     * is made of (CJK ideographs, hiragana, full-width katakana, ASCII letters and digits), which
     * saves normalising most of the 445,000 strings at load.
     */
    private static boolean needsNfkc(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            boolean stable = (c >= '\u4E00' && c <= '\u9FFF') || (c >= '\u3041' && c <= '\u3096')
                    || (c >= '\u30A1' && c <= '\u30FA') || c == '\u30FC' || (c >= 'a' && c <= 'z')
                    || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
            if (!stable) {
                return true;
            }
        }
        return false;
    }
}
