package jp.bousai.relay.core.advisory;

import java.time.OffsetDateTime;

/** A disaster headquarters set up or dissolved; {@code time} may be null. */
public record HeadquartersBody(Kind kind, Status status, OffsetDateTime time) implements AdvisoryBody {

    /** 警戒本部 (warning) or 対策本部 (response). */
    public enum Kind implements WireNamed {
        WARNING("warning", "災害警戒本部"),
        RESPONSE("response", "災害対策本部");

        private final String wireName;
        private final String label;

        Kind(String wireName, String label) {
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

    /** 設置 (established) or 解散 (dissolved). */
    public enum Status implements WireNamed {
        ESTABLISHED("established", "設置"),
        DISSOLVED("dissolved", "解散");

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
}
