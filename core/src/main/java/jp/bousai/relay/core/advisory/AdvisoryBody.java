package jp.bousai.relay.core.advisory;

/** The category-specific part of an advisory. */
public sealed interface AdvisoryBody
        permits EvacuationBody, ShelterBody, HeadquartersBody, DamageBody, NoticeBody, EventBody {
}
