package jp.bousai.relay.adapters.render;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import jp.bousai.relay.core.advisory.Advisory;
import jp.bousai.relay.core.advisory.AdvisoryBody;
import jp.bousai.relay.core.advisory.Category;
import jp.bousai.relay.core.advisory.DamageBody;
import jp.bousai.relay.core.advisory.EvacuationBody;
import jp.bousai.relay.core.advisory.EvacuationLevel;
import jp.bousai.relay.core.advisory.EventBody;
import jp.bousai.relay.core.advisory.Geometry;
import jp.bousai.relay.core.advisory.HeadquartersBody;
import jp.bousai.relay.core.advisory.IssueStatus;
import jp.bousai.relay.core.advisory.LocalizedText;
import jp.bousai.relay.core.advisory.MessageType;
import jp.bousai.relay.core.advisory.Mode;
import jp.bousai.relay.core.advisory.NoticeBody;
import jp.bousai.relay.core.advisory.Sender;
import jp.bousai.relay.core.advisory.ShelterBody;
import jp.bousai.relay.core.advisory.SubArea;
import jp.bousai.relay.core.advisory.TargetArea;
import jp.bousai.relay.core.area.JisCode;
import jp.bousai.relay.core.auth.Issuer;

/**
 * Random valid advisories from a seed: every category, type and mode, optional fields present or
 * not, legacy labels, sub-areas with circles and polygons. {@link #forCap} keeps to what CAP
 * carries in full (an event's description is the text; see {@link #detail} for evacuation details).
 */
final class GeneratedAdvisories {

    /** 千代田区, allowed to issue for all of Tokyo (代行入力), as the generated advisories need. */
    static final Issuer TOKYO_WIDE = new Issuer("generated", JisCode.parse("131016"), List.of(JisCode.parse("130001")));
    private static final List<JisCode> AREAS = List.of(JisCode.parse("131016"), JisCode.fromFiveDigits("13102"),
            JisCode.fromFiveDigits("13103"), JisCode.fromFiveDigits("13104"), JisCode.fromFiveDigits("13201"));
    private static final List<String> WORDS = List.of("千代田区", "神田川の水位が上昇しています", "避難所を開設しました",
            "直ちに安全を確保してください", "Kanda river", "台風第10号", "岩本町一丁目", "<注意> & \"引用\"");
    private static final List<String> LEGACY = List.of("避難準備・高齢者等避難開始", "避難勧告", "災害発生情報");

    private final Random random;

    private GeneratedAdvisories(long seed) {
        this.random = new Random(seed);
    }

    static Advisory any(long seed) {
        GeneratedAdvisories generator = new GeneratedAdvisories(seed);
        return generator.advisory(generator.pick(List.of(Category.values())), false);
    }

    /** An advisory of a category CAP carries in full (evacuation, notice, event). */
    static Advisory forCap(long seed) {
        GeneratedAdvisories generator = new GeneratedAdvisories(seed);
        return generator.advisory(generator.pick(List.of(Category.EVACUATION_ORDER, Category.GENERAL_INFORMATION,
                Category.EVENT)), true);
    }

    private Advisory advisory(Category category, boolean cap) {
        MessageType type = pick(List.of(MessageType.values()));
        int revision = type == MessageType.REPORT ? 1 : 2 + random.nextInt(20);
        OffsetDateTime reportTime = OffsetDateTime.of(2026, 1 + random.nextInt(12), 1 + random.nextInt(28),
                random.nextInt(24), random.nextInt(60), random.nextInt(60), 0, ZoneOffset.ofHours(9));
        OffsetDateTime targetTime = maybe(() -> reportTime.plusMinutes(random.nextInt(600)));
        OffsetDateTime validUntil = maybe(() -> reportTime.plusHours(11 + random.nextInt(48)));
        List<TargetArea> areas = areas();
        LocalizedText headline = new LocalizedText(text(40), maybe(() -> "Evacuation information " + random.nextInt(99)));
        LocalizedText text = maybe(() -> new LocalizedText(text(200), headline.en() == null ? null : "Details in English"));
        AdvisoryBody body = type == MessageType.CANCEL ? null : body(category, areas, text, cap);
        return new Advisory("dist-" + Long.toHexString(random.nextLong()), "doc-" + random.nextInt(1_000_000),
                revision, type, pick(List.of(Mode.values())), category,
                new Sender(TOKYO_WIDE.sender(), maybe(() -> "千代田区"), maybe(() -> "防災危機管理課")), areas, reportTime,
                targetTime, validUntil, maybe(() -> "令和8年台風第" + (1 + random.nextInt(30)) + "号"), headline, text, body);
    }

    private AdvisoryBody body(Category category, List<TargetArea> areas, LocalizedText text, boolean cap) {
        return switch (category) {
            case EVACUATION_ORDER -> new EvacuationBody(list(1, 3, () -> detail(areas, cap)));
            case SHELTER -> new ShelterBody(list(1, 3, () -> new ShelterBody.Shelter(text(20), maybe(() -> text(30)),
                    maybe(() -> "指定避難所"), pick(List.of(ShelterBody.Status.values())),
                    maybe(() -> pick(List.of(ShelterBody.Crowding.values()))), maybe(() -> random.nextInt(2000)),
                    maybe(() -> random.nextInt(500)), maybe(() -> random.nextInt(300)),
                    maybe(() -> pick(areas).code()), maybe(this::point))));
            case ANTIDISASTER_HEADQUARTER -> new HeadquartersBody(pick(List.of(HeadquartersBody.Kind.values())),
                    pick(List.of(HeadquartersBody.Status.values())),
                    maybe(() -> OffsetDateTime.parse("2026-09-01T09:30:00+09:00")));
            case DAMAGE_INFORMATION -> new DamageBody(list(1, 4, () -> new DamageBody.Item(
                    pick(List.of(DamageBody.Group.values())), text(10), random.nextInt(10_000), pick(List.of("人", "棟", "件")))));
            case GENERAL_INFORMATION -> new NoticeBody(maybe(() -> "https://www.city.example.jp/" + random.nextInt(99)));
            case EVENT -> new EventBody(text(20),
                    cap ? (text == null ? null : text.ja()) : maybe(() -> text(100)),
                    maybe(() -> "https://www.city.example.jp/event/" + random.nextInt(99)));
        };
    }

    /**
     * In CAP a detail's time defaults to the alert's, and an area with nothing but a JIS code is a
     * target area, so for CAP every detail has a time and every sub-area a geometry.
     */
    private EvacuationBody.Detail detail(List<TargetArea> areas, boolean cap) {
        EvacuationLevel level = pick(List.of(EvacuationLevel.values()));
        String legacy = random.nextInt(4) == 0 ? LEGACY.get(level.number() - 3) : null;
        return new EvacuationBody.Detail(level, legacy, pick(List.of(IssueStatus.values())),
                cap ? detailTime() : maybe(this::detailTime),
                maybe(() -> random.nextInt(5000)), maybe(() -> random.nextInt(9000)),
                list(0, 3, () -> new SubArea(text(20), maybe(() -> "13101" + String.format("%07d", random.nextInt(9_999_999))),
                        maybe(() -> pick(areas).code()), cap ? geometry() : maybe(this::geometry))));
    }

    private OffsetDateTime detailTime() {
        return OffsetDateTime.parse("2026-09-01T12:30:00+09:00").plusMinutes(random.nextInt(300));
    }

    private Geometry geometry() {
        if (random.nextBoolean()) {
            return new Geometry.Circle(point(), random.nextInt(50) / 10.0);
        }
        Geometry.LatLon first = point();
        return new Geometry.Polygon(List.of(first, point(), point(), first));
    }

    private Geometry.LatLon point() {
        return new Geometry.LatLon(35.6 + random.nextInt(2000) / 10_000.0, 139.7 + random.nextInt(2000) / 10_000.0);
    }

    private List<TargetArea> areas() {
        Set<JisCode> codes = new LinkedHashSet<>();
        int count = 1 + random.nextInt(3);
        while (codes.size() < count) {
            codes.add(pick(AREAS));
        }
        return codes.stream().map(code -> new TargetArea(code, maybe(() -> "区域" + code.value()))).toList();
    }

    private String text(int maxWords) {
        StringBuilder text = new StringBuilder(pick(WORDS));
        int words = random.nextInt(Math.max(1, maxWords / 10));
        for (int i = 0; i < words; i++) {
            text.append('、').append(pick(WORDS));
        }
        return text.toString();
    }

    private <T> List<T> list(int min, int max, java.util.function.Supplier<T> element) {
        int size = min + random.nextInt(max - min + 1);
        List<T> list = new ArrayList<>();
        for (int i = 0; i < size; i++) {
            list.add(element.get());
        }
        return list;
    }

    private <T> T maybe(java.util.function.Supplier<T> value) {
        return random.nextBoolean() ? value.get() : null;
    }

    private <T> T pick(List<T> values) {
        return values.get(random.nextInt(values.size()));
    }
}
