package jp.bousai.relay.core.advisory;

import java.time.OffsetDateTime;

/** A disaster headquarters set up or dissolved; {@code time} may be null. */
public record HeadquartersBody(Kind kind, Status status, OffsetDateTime time) implements AdvisoryBody {

    /** 警戒本部 (warning) or 対策本部 (response). */
    public enum Kind implements WireNamed {
        WARNING("災害警戒本部"),
        RESPONSE("災害対策本部");

        private final String label;

        Kind(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    /** 設置 (established) or 解散 (dissolved). */
    public enum Status implements WireNamed {
        ESTABLISHED("設置"),
        DISSOLVED("解散");

        private final String label;

        Status(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }
}
