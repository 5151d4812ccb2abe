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
        NOT_OPENED("未開設"),
        OPEN("開設"),
        CLOSED("閉鎖"),
        PERMANENT("常設"),
        UNKNOWN("不明");

        private final String label;

        Status(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    /** How full a shelter is: 空き / 混雑 / 定員一杯 / 不明. */
    public enum Crowding implements WireNamed {
        VACANT("空き"),
        CROWDED("混雑"),
        FULL("定員一杯"),
        UNKNOWN("不明");

        private final String label;

        Crowding(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }
}
