package jp.bousai.relay.core.advisory;

import java.util.List;
import jp.bousai.relay.core.area.JisCode;

/** Shelter information: each shelter's state in full (a snapshot, not a delta). */
public record ShelterBody(List<Shelter> shelters) implements AdvisoryBody {

    public ShelterBody {
        shelters = List.copyOf(shelters);
    }

    /**
     * One shelter. Everything but {@code name} and {@code status} may be null; {@code kind} is
     * free text such as 指定避難所 or 指定緊急避難場所.
     */
    public record Shelter(String name, String address, String kind, Status status, Crowding crowding,
                          Integer capacity, Integer headCount, Integer households,
                          JisCode municipality, Geometry.LatLon location) {
    }

    /** Whether a shelter is open: 未開設 / 開設 / 閉鎖 / 常設 / 不明. */
    public enum Status implements WireNamed {
        NOT_OPENED("not-opened", "未開設"),
        OPEN("open", "開設"),
        CLOSED("closed", "閉鎖"),
        PERMANENT("permanent", "常設"),
        UNKNOWN("unknown", "不明");

        private final String wireName;
        private final String label;

        Status(String wireName, String label) {
            this.wireName = wireName;
            this.label = label;
        }

        @Override
        public String wireName() {
            return wireName;
        }

        public String label() {
            return label;
        }
    }

    /** How full a shelter is: 空き / 混雑 / 定員一杯 / 不明. */
    public enum Crowding implements WireNamed {
        VACANT("vacant", "空き"),
        CROWDED("crowded", "混雑"),
        FULL("full", "定員一杯"),
        UNKNOWN("unknown", "不明");

        private final String wireName;
        private final String label;

        Crowding(String wireName, String label) {
            this.wireName = wireName;
            this.label = label;
        }

        @Override
        public String wireName() {
            return wireName;
        }

        public String label() {
            return label;
        }
    }
}
