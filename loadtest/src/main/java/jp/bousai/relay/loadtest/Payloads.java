package jp.bousai.relay.loadtest;

import jp.bousai.relay.core.area.JisCode;

/** The advisory every target carries: an evacuation order of about 2 KB, a new document each time. */
final class Payloads {

    /** Padding that brings the JSON to about 2 KB, as a real order with its text is. */
    private static final String TEXT = "神田川の水位が氾濫危険水位に達しました。危険な場所から全員避難してください。".repeat(12);

    private Payloads() {
    }

    static String documentId(String run, int index) {
        return documentIdPrefix(run) + index;
    }

    /** What every documentId of a run starts with, before the advisory's index. */
    static String documentIdPrefix(String run) {
        return "lt-" + run + "-";
    }

    static String advisory(String run, int index, JisCode area) {
        String id = documentId(run, index);
        return """
                {"distributionId":"%s","documentId":"%s","revision":1,"type":"Report","mode":"Actual",\
                "category":"EvacuationOrder","areas":[{"code":"%s"}],"reportTime":"2026-09-01T10:00:00+09:00",\
                "headline":{"ja":"【警戒レベル4】負荷試験 %d"},"text":{"ja":"%s"},\
                "evacuation":{"details":[{"level":4,"status":"issued","subAreas":[{"name":"神田須田町一丁目"}]}]}}"""
                .formatted(id, id, area.value(), index, TEXT);
    }

    /** The relay's MQTT topic for an order in {@code area}: one retained topic per document (docs/mqtt.md). */
    static String topic(JisCode area, String documentId) {
        return "bousai/v1/actual/" + area.prefectureNumber() + "/" + area.value() + "/EvacuationOrder/" + documentId;
    }
}
