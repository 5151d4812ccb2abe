package jp.bousai.relay.core.advisory;

import java.util.List;

/** Damage counts: casualties, houses, buildings, fires and others, each with its unit. */
public record DamageBody(List<Item> items) implements AdvisoryBody {

    public DamageBody {
        items = List.copyOf(items);
    }

    /** One count, e.g. group casualties, item 死者, count 2, unit 人. */
    public record Item(Group group, String item, long count, String unit) {
    }

    /** The groups damage counts fall into. */
    public enum Group implements WireNamed {
        CASUALTIES,
        HOUSES,
        BUILDINGS,
        FIRES,
        OTHER
    }
}
