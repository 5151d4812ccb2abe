package jp.bousai.relay.loadtest;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import jp.bousai.relay.core.area.JisCode;

/**
 * Real municipalities (Tokyo's 23 wards and 26 cities, Yokohama's, Osaka's and Sapporo's wards),
 * ranked in a fixed random order and drawn with Zipf weights (rank r has weight 1/r): a few places
 * get most of the advisories and most of the subscribers, as on a real bad day.
 */
final class Areas {

    private static final String[] FIVE_DIGIT_CODES = {
        "13101", "13102", "13103", "13104", "13105", "13106", "13107", "13108", "13109", "13110", "13111", "13112",
        "13113", "13114", "13115", "13116", "13117", "13118", "13119", "13120", "13121", "13122", "13123",
        "13201", "13202", "13203", "13204", "13205", "13206", "13207", "13208", "13209", "13210", "13211", "13212",
        "13213", "13214", "13215", "13218", "13219", "13220", "13221", "13222", "13223", "13224", "13225", "13227",
        "13228", "13229",
        "14101", "14102", "14103", "14104", "14105", "14106", "14107", "14108", "14109", "14110", "14111", "14112",
        "14113", "14114", "14115", "14116", "14117", "14118",
        "27102", "27103", "27104", "27106", "27107", "27108", "27109", "27111", "27113", "27114", "27115", "27116",
        "27117", "27118", "27119", "27120", "27121", "27122", "27123", "27124", "27125", "27126", "27127", "27128",
        "01101", "01102", "01103", "01104", "01105", "01106", "01107", "01108", "01109", "01110"};

    private final List<JisCode> ranked = new ArrayList<>();
    private final double[] cumulative;

    Areas(long seed) {
        for (String code : FIVE_DIGIT_CODES) {
            ranked.add(JisCode.fromFiveDigits(code));
        }
        Collections.shuffle(ranked, new Random(seed));
        cumulative = new double[ranked.size()];
        double sum = 0;
        for (int rank = 1; rank <= ranked.size(); rank++) {
            sum += 1.0 / rank;
            cumulative[rank - 1] = sum;
        }
        for (int i = 0; i < cumulative.length; i++) {
            cumulative[i] /= sum;
        }
    }

    /** A municipality drawn with Zipf weights. */
    JisCode draw(Random random) {
        double u = random.nextDouble();
        int low = 0;
        int high = cumulative.length - 1;
        while (low < high) {
            int middle = (low + high) >>> 1;
            if (cumulative[middle] < u) {
                low = middle + 1;
            } else {
                high = middle;
            }
        }
        return ranked.get(low);
    }
}
