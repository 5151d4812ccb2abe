package jp.bousai.relay.core.auth;

import java.util.Collection;
import java.util.List;
import jp.bousai.relay.core.area.JisCode;

/**
 * Who is issuing, as established by a credential: an identifier for logs, the sender
 * organisation it issues as, and the areas it may issue for. A code in {@code scope} covers
 * itself and, for a prefecture, every municipality in it; by default the scope is the sender
 * itself, so a municipality issues for itself and a prefecture for itself and its municipalities
 * (代行入力).
 */
public record Issuer(String id, JisCode sender, List<JisCode> scope) {

    public Issuer {
        scope = List.copyOf(scope);
    }

    /** An issuer whose scope is its own sender code. */
    public static Issuer forSender(String id, JisCode sender) {
        return new Issuer(id, sender, List.of(sender));
    }

    public boolean mayIssueFor(JisCode area) {
        return scope.stream().anyMatch(granted -> granted.covers(area));
    }

    /** The areas of {@code areas} this issuer may not issue for, in the order given. */
    public List<JisCode> outsideScope(Collection<JisCode> areas) {
        return areas.stream().filter(area -> !mayIssueFor(area)).toList();
    }
}
