package jp.bousai.relay.core.area;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class AreaFilterTest {

    private static final JisCode CHIYODA = JisCode.parse("131016");
    private static final JisCode OSAKA_CITY = JisCode.parse("271004");
    private static final JisCode TOKYO = JisCode.parse("130001");

    @Test
    void prefectureFilterMatchesItsMunicipalities() {
        AreaFilter tokyo = AreaFilter.parse(List.of("13"));
        assertThat(tokyo.matches(List.of(CHIYODA))).isTrue();
        assertThat(tokyo.matches(List.of(OSAKA_CITY))).isFalse();
        assertThat(AreaFilter.parse(List.of("130001"))).isEqualTo(tokyo);
    }

    @Test
    void municipalityFilterMatchesItselfAndItsPrefectureWideAdvisories() {
        AreaFilter chiyoda = AreaFilter.parse(List.of("131016"));
        assertThat(chiyoda.matches(List.of(CHIYODA))).isTrue();
        assertThat(chiyoda.matches(List.of(TOKYO))).isTrue();
        assertThat(chiyoda.matches(List.of(JisCode.parse("131024")))).isFalse();
        assertThat(chiyoda.matches(List.of(OSAKA_CITY, CHIYODA))).isTrue();
    }

    @Test
    void emptyFilterMatchesEverything() {
        assertThat(AreaFilter.parse(List.of()).matches(List.of(OSAKA_CITY))).isTrue();
    }

    @Test
    void rejectsValuesThatAreNeitherNamingThem() {
        assertThatThrownBy(() -> AreaFilter.parse(List.of("13", "131017")))
                .hasMessageContaining("area '131017'").hasMessageContaining("check digit");
        assertThatThrownBy(() -> AreaFilter.parse(List.of("48"))).hasMessageContaining("01–47");
        assertThatThrownBy(() -> AreaFilter.parse(List.of("tokyo"))).hasMessageContaining("'tokyo'");
    }
}
