package jp.bousai.relay.core.advisory;

/**
 * The kind of information an advisory carries, named as in L-Alert. Each has its own body,
 * carried in the JSON representation under {@link #bodyField()}.
 */
public enum Category implements WireNamed {
    EVACUATION_ORDER("EvacuationOrder", "evacuation", EvacuationBody.class),
    SHELTER("Shelter", "shelters", ShelterBody.class),
    ANTIDISASTER_HEADQUARTER("AntidisasterHeadquarter", "headquarters", HeadquartersBody.class),
    DAMAGE_INFORMATION("DamageInformation", "damage", DamageBody.class),
    GENERAL_INFORMATION("GeneralInformation", "notice", NoticeBody.class),
    EVENT("Event", "event", EventBody.class);

    private final String wireName;
    private final String bodyField;
    private final Class<? extends AdvisoryBody> bodyType;

    Category(String wireName, String bodyField, Class<? extends AdvisoryBody> bodyType) {
        this.wireName = wireName;
        this.bodyField = bodyField;
        this.bodyType = bodyType;
    }

    /** The name on the wire, as L-Alert spells it, e.g. {@code EvacuationOrder}. */
    @Override
    public String wireName() {
        return wireName;
    }

    /** The JSON field that holds this category's body. */
    public String bodyField() {
        return bodyField;
    }

    public Class<? extends AdvisoryBody> bodyType() {
        return bodyType;
    }
}
