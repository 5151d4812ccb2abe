package jp.bousai.relay.core.advisory;

/** A text in Japanese, with an optional English version ({@code en} may be null). */
public record LocalizedText(String ja, String en) {

    public static LocalizedText japanese(String ja) {
        return new LocalizedText(ja, null);
    }
}
