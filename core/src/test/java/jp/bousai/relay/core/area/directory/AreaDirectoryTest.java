package jp.bousai.relay.core.area.directory;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Random;
import jp.bousai.relay.core.area.JisCode;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The directory read from the real packaged data. */
class AreaDirectoryTest {

    private static final JisCode CHIYODA = JisCode.parse("131016");
    private static AreaDirectory directory;

    @BeforeAll
    static void load() {
        directory = AreaDirectory.loadBundled();
    }

    @Test
    void holdsAsManyEntriesAsTheSourceData() {
        assertThat(directory.municipalities()).hasSize(1_965);
        assertThat(directory.townCount()).isEqualTo(222_758);
        assertThat(directory.municipalities().stream().filter(m -> m.kind() == MunicipalityKind.PREFECTURE))
                .hasSize(47);
    }

    @Test
    void findsChiyodaAndItsPrefecture() {
        Municipality chiyoda = directory.municipality(CHIYODA).orElseThrow();
        assertThat(chiyoda.name()).isEqualTo("千代田区");
        assertThat(chiyoda.kind()).isEqualTo(MunicipalityKind.SPECIAL_WARD);
        assertThat(chiyoda.label()).isEqualTo("東京都千代田区");
        assertThat(directory.prefectureOf(CHIYODA).name()).isEqualTo("東京都");
        assertThat(directory.prefectureOf(CHIYODA).code().value()).isEqualTo("130001");
    }

    @Test
    void listsSotokandaItchomeAmongChiyodasTowns() {
        Town town = directory.towns(CHIYODA).stream().filter(t -> t.name().equals("外神田一丁目")).findFirst()
                .orElseThrow();
        assertThat(town.townId()).isEqualTo("0039001");
        assertThat(town.lAlertCode()).isEqualTo("131010039001");
        assertThat(town.level()).isEqualTo(TownLevel.CHOME);
        assertThat(town.kana()).isEqualTo("ソトカンダ１チョウメ");
        assertThat(town.point()).isEqualTo(new GeoPoint(35.698406, 139.770885));
        assertThat(town.pointSource()).isEqualTo(PointSource.MLIT);
    }

    @Test
    void groupsTownsByOaza() {
        OazaGroup sotokanda = directory.oazaGroups(CHIYODA).stream().filter(g -> "0039".equals(g.oazaCode()))
                .findFirst().orElseThrow();
        assertThat(sotokanda.name()).isEqualTo("外神田");
        assertThat(sotokanda.towns()).extracting(Town::name).containsExactly(
                "外神田一丁目", "外神田二丁目", "外神田三丁目", "外神田四丁目", "外神田五丁目", "外神田六丁目");
        OazaGroup chiyoda = directory.oazaGroups(CHIYODA).stream().filter(g -> "0006".equals(g.oazaCode()))
                .findFirst().orElseThrow();
        assertThat(chiyoda.name()).isEqualTo("千代田");
        int grouped = directory.oazaGroups(CHIYODA).stream().mapToInt(g -> g.towns().size()).sum();
        assertThat(grouped).isEqualTo(directory.towns(CHIYODA).size());
    }

    @Test
    void findsSotokandaByItsReadingInHiraganaKatakanaOrHalfWidth() {
        for (String query : List.of("そとかんだ", "ソトカンダ", "ｿﾄｶﾝﾀﾞ", " そとかんだ　")) {
            List<AreaMatch> matches = directory.search(query, null, 20);
            assertThat(matches).as(query).extracting(m -> m.town() == null ? null : m.town().name())
                    .contains("外神田一丁目");
            assertThat(matches).as(query).allMatch(m -> m.rank() == MatchRank.PREFIX);
        }
        assertThat(directory.search("そとかんだ1ちょうめ", CHIYODA, 5)).extracting(m -> m.town().name())
                .containsExactly("外神田一丁目");
    }

    @Test
    void ranksExactBeforePrefixBeforeSubstringAndBoundsResults() {
        List<AreaMatch> matches = directory.search("千代田", null, 200);
        assertThat(matches).hasSizeLessThanOrEqualTo(200);
        assertThat(matches.get(0).rank()).isEqualTo(MatchRank.EXACT);
        assertThat(matches).extracting(AreaMatch::rank).isSorted();
        assertThat(directory.search("町", null, 10_000)).hasSize(AreaDirectory.MAX_SEARCH_RESULTS);
        assertThat(directory.search("", null, 10)).isEmpty();
    }

    @Test
    void showsBothTomariVillagesWithTheirCounties() {
        List<AreaMatch> matches = directory.search("泊村", JisCode.parse("010006"), 10);
        List<AreaMatch> villages = matches.stream().filter(m -> !m.isTown()).toList();
        assertThat(villages).extracting(m -> m.municipality().code().value()).containsExactly("014036", "016969");
        assertThat(villages).extracting(m -> m.municipality().label())
                .containsExactly("北海道古宇郡泊村", "北海道国後郡泊村");
        assertThat(villages).allMatch(m -> m.rank() == MatchRank.EXACT);
    }

    @Test
    void searchesAWholeDesignatedCityThroughItsWards() {
        List<AreaMatch> matches = directory.search("大通西", JisCode.parse("011002"), 50);
        assertThat(matches).isNotEmpty().allMatch(m -> m.municipality().parent().value().equals("011002"));
    }

    @Test
    void findsTheNearestTownToAPoint() {
        GeoPoint nearSotokanda1 = new GeoPoint(35.69845, 139.77085);
        NearestTown nearest = directory.nearestTown(nearSotokanda1, null, 5_000).orElseThrow();
        assertThat(nearest.town().name()).isEqualTo("外神田一丁目");
        assertThat(nearest.distanceMeters()).isLessThan(10);
        assertThat(directory.nearestTown(nearSotokanda1, CHIYODA, 5_000).orElseThrow().town().name())
                .isEqualTo("外神田一丁目");
        NearestTown inSapporo = directory.nearestTown(new GeoPoint(43.0555, 141.3405), JisCode.parse("011002"), 5_000)
                .orElseThrow();
        assertThat(inSapporo.town().municipality().parent().value()).isEqualTo("011002");
        assertThat(directory.nearestTown(nearSotokanda1, JisCode.parse("130001"), 5_000).orElseThrow().town().name())
                .isEqualTo("外神田一丁目");
        assertThat(directory.nearestTown(nearSotokanda1, JisCode.parse("011002"), 5_000)).isEmpty();
        GeoPoint pacific = new GeoPoint(30.0, 150.0);
        assertThat(directory.nearestTown(pacific, null, 50_000)).isEmpty();
    }

    @Test
    void gridAgreesWithAFullScan() {
        List<Town> all = directory.municipalities().stream().flatMap(m -> directory.towns(m.code()).stream())
                .filter(t -> t.point() != null).toList();
        Random random = new Random(14);
        for (int i = 0; i < 20; i++) {
            GeoPoint query = new GeoPoint(31 + random.nextDouble() * 13, 130 + random.nextDouble() * 12);
            double bestMeters = all.stream().mapToDouble(t -> query.distanceMeters(t.point())).min().orElseThrow();
            var found = directory.nearestTown(query, null, AreaDirectory.MAX_NEAREST_METERS);
            assertThat(found).as("%s", query).isPresent();
            assertThat(found.get().distanceMeters()).as("%s", query).isEqualTo(bestMeters);
        }
    }

    @Test
    void resolvesMunicipalityAndTownCodes() {
        assertThat(directory.resolve("131016")).isInstanceOf(AreaResolution.OfMunicipality.class);
        assertThat(directory.resolve("130001")).isInstanceOf(AreaResolution.OfMunicipality.class);
        for (String code : List.of("131010039001", "1310160039001")) {
            AreaResolution resolved = directory.resolve(code);
            assertThat(resolved).as(code).isInstanceOf(AreaResolution.OfTown.class);
            assertThat(((AreaResolution.OfTown) resolved).town().name()).isEqualTo("外神田一丁目");
        }
    }

    @Test
    void rejectsWrongCheckDigitsAndReportsUnknownCodes() {
        AreaResolution wrongCheck = directory.resolve("131017");
        assertThat(wrongCheck).isInstanceOf(AreaResolution.Malformed.class);
        assertThat(((AreaResolution.Malformed) wrongCheck).reason()).contains("check digit");
        assertThat(directory.resolve("1310170039001")).isInstanceOf(AreaResolution.Malformed.class);
        assertThat(directory.resolve("13101")).isInstanceOf(AreaResolution.Malformed.class);
        assertThat(directory.resolve("481010039001")).isInstanceOf(AreaResolution.Malformed.class);

        AreaResolution noSuchCity = directory.resolve("131997");
        assertThat(noSuchCity).isInstanceOf(AreaResolution.Unknown.class);
        assertThat(((AreaResolution.Unknown) noSuchCity).reason()).contains("no municipality 131997");
        AreaResolution noSuchTown = directory.resolve("131019999999");
        assertThat(noSuchTown).isInstanceOf(AreaResolution.Unknown.class);
        assertThat(((AreaResolution.Unknown) noSuchTown).reason()).contains("no town 9999999");
        assertThat(directory.municipality(JisCode.parse("131997"))).isEmpty();
    }
}
