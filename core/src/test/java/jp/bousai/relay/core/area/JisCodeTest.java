package jp.bousai.relay.core.area;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class JisCodeTest {

    @Test
    void acceptsCodesWithCorrectCheckDigit() {
        assertThat(JisCode.parse("131016").prefectureNumber()).isEqualTo("13");
        assertThat(JisCode.parse("271004").prefecture()).isEqualTo(JisCode.parse("270008"));
        assertThat(JisCode.parse("011002").isPrefecture()).isFalse();
        assertThat(JisCode.parse("130001").isPrefecture()).isTrue();
    }

    @Test
    void computesCheckDigitFromFiveDigits() {
        assertThat(JisCode.fromFiveDigits("13101")).isEqualTo(JisCode.parse("131016"));
        assertThat(JisCode.fromFiveDigits("13000")).isEqualTo(JisCode.parse("130001"));
        assertThat(JisCode.ofPrefecture(47)).isEqualTo(JisCode.parse("470007"));
    }

    @Test
    void rejectsWrongCheckDigitNamingTheRightOne() {
        assertThatThrownBy(() -> JisCode.parse("131017"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("wrong check digit")
                .hasMessageContaining("13101 takes check digit 6");
    }

    @Test
    void rejectsWrongShapeAndUnknownPrefecture() {
        assertThat(JisCode.problemWith("13101")).contains("six digits");
        assertThat(JisCode.problemWith("13101a")).contains("six digits");
        assertThat(JisCode.problemWith(null)).contains("six digits");
        assertThat(JisCode.problemWith("481000")).contains("01–47");
        assertThat(JisCode.problemWith("000000")).contains("01–47");
    }

    @Test
    void prefectureCoversItsMunicipalitiesOnly() {
        JisCode tokyo = JisCode.parse("130001");
        assertThat(tokyo.covers(JisCode.parse("131016"))).isTrue();
        assertThat(tokyo.covers(JisCode.parse("271004"))).isFalse();
        assertThat(JisCode.parse("131016").covers(JisCode.parse("131024"))).isFalse();
        assertThat(Prefectures.nameOf(JisCode.parse("271004"))).isEqualTo("大阪府");
    }
}
