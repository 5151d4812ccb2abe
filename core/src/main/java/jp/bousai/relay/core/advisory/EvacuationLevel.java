package jp.bousai.relay.core.advisory;

import java.util.Map;
import java.util.Optional;

/**
 * The evacuation levels (警戒レベル) of the 2021 scheme, with the labels older systems still
 * send mapped onto them (避難勧告 was abolished on 2021-05-20).
 */
public enum EvacuationLevel {
    LEVEL_3(3, "高齢者等避難"),
    LEVEL_4(4, "避難指示"),
    LEVEL_5(5, "緊急安全確保");

    private static final Map<String, EvacuationLevel> LABELS = Map.of(
            "高齢者等避難", LEVEL_3,
            "避難準備・高齢者等避難開始", LEVEL_3,
            "避難準備情報", LEVEL_3,
            "避難準備", LEVEL_3,
            "避難指示", LEVEL_4,
            "避難勧告", LEVEL_4,
            "避難指示（緊急）", LEVEL_4,
            "避難指示(緊急)", LEVEL_4,
            "緊急安全確保", LEVEL_5,
            "災害発生情報", LEVEL_5);

    private final int number;
    private final String label;

    EvacuationLevel(int number, String label) {
        this.number = number;
        this.label = label;
    }

    public int number() {
        return number;
    }

    /** The 2021 label, e.g. 避難指示. */
    public String label() {
        return label;
    }

    public static Optional<EvacuationLevel> ofNumber(int number) {
        for (EvacuationLevel level : values()) {
            if (level.number == number) {
                return Optional.of(level);
            }
        }
        return Optional.empty();
    }

    /** The level of a current or legacy label, e.g. 避難勧告 gives level 4. */
    public static Optional<EvacuationLevel> ofLabel(String label) {
        return Optional.ofNullable(label == null ? null : LABELS.get(label.strip()));
    }

    /** Whether {@code label} is a pre-2021 label rather than the current one. */
    public static boolean isLegacyLabel(String label) {
        return ofLabel(label).map(level -> !level.label.equals(label.strip())).orElse(false);
    }
}
