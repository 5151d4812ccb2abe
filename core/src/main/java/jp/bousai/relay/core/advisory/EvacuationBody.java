package jp.bousai.relay.core.advisory;

import java.util.List;

/** Evacuation information: one detail per level and status, each for its sub-areas. */
public record EvacuationBody(List<Detail> details) implements AdvisoryBody {

    public EvacuationBody {
        details = List.copyOf(details);
    }

    /** Whether every detail is lifted: the order as a whole is no longer in force. */
    public boolean allLifted() {
        return details.stream().allMatch(detail -> detail.status() == IssueStatus.LIFTED);
    }

    /** The highest level still issued, or null when all are lifted. */
    public EvacuationLevel highestIssuedLevel() {
        return details.stream()
                .filter(detail -> detail.status() == IssueStatus.ISSUED)
                .map(Detail::level)
                .max(Enum::compareTo)
                .orElse(null);
    }

    /**
     * One level, issued or lifted, at a time, for a set of sub-areas (empty: the whole target
     * area). {@code sourceLabel} keeps a legacy label as sent (e.g. 避難勧告), else null;
     * {@code time}, {@code households} and {@code people} may be null.
     */
    public record Detail(EvacuationLevel level, String sourceLabel, IssueStatus status,
                         java.time.OffsetDateTime time, Integer households, Integer people,
                         List<SubArea> subAreas) {
        public Detail {
            subAreas = List.copyOf(subAreas);
        }
    }
}
