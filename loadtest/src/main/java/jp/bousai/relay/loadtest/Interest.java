package jp.bousai.relay.loadtest;

import java.util.Random;
import jp.bousai.relay.core.area.JisCode;

/**
 * What one subscriber follows: one municipality (most residents and apps), a whole prefecture
 * (regional media) or the whole country (national broadcasters), as {@code null} codes mean.
 */
record Interest(String prefecture, JisCode municipality) {

    static final Interest NATIONWIDE = new Interest(null, null);

    /** 2 % nationwide, 8 % prefecture-wide, the rest one municipality (Zipf). */
    static Interest draw(Areas areas, Random random) {
        double u = random.nextDouble();
        JisCode place = areas.draw(random);
        if (u < 0.02) {
            return NATIONWIDE;
        }
        return u < 0.10 ? new Interest(place.prefectureNumber(), null) : new Interest(place.prefectureNumber(), place);
    }

    boolean wants(JisCode area) {
        return prefecture == null || municipality == null && area.prefectureNumber().equals(prefecture)
                || area.equals(municipality);
    }

    /** The stream's {@code area} value, or null for everything. */
    String areaFilter() {
        return municipality != null ? municipality.value() : prefecture;
    }

    /** The MQTT topic filter on the relay's topics ({@code prefix/mode/pref/code/category}). */
    String topicFilter(String prefix) {
        return municipality != null ? prefix + "/actual/" + prefecture + "/" + municipality.value() + "/#"
                : prefecture != null ? prefix + "/actual/" + prefecture + "/#" : prefix + "/actual/#";
    }

    /** The nchan channel this subscriber listens on: one per interest. */
    String channel() {
        return municipality != null ? "m" + municipality.value() : prefecture != null ? "p" + prefecture : "all";
    }
}
