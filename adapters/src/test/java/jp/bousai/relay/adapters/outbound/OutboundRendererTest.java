package jp.bousai.relay.adapters.outbound;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import jp.bousai.relay.adapters.OutboundFormat;
import jp.bousai.relay.adapters.cap.CapRenderer;
import jp.bousai.relay.adapters.commons.CommonsRenderer;
import jp.bousai.relay.adapters.json.AdvisoryJsonReader;
import jp.bousai.relay.core.advisory.Advisory;
import jp.bousai.relay.core.advisory.WireNamed;
import jp.bousai.relay.core.log.AdvisoryRecord;
import jp.bousai.relay.core.log.DocumentState;
import jp.bousai.relay.core.log.RecordJson;
import jp.bousai.relay.core.validation.FieldErrors;
import org.junit.jupiter.api.Test;

class OutboundRendererTest {

    private static final CapRenderer CAP = new CapRenderer("https://relay.example.jp");
    private static final OutboundRenderer RENDERER = new OutboundRenderer(CAP);

    private static AdvisoryRecord order() throws Exception {
        FieldErrors errors = new FieldErrors();
        Advisory advisory = AdvisoryJsonReader.read(
                Files.readAllBytes(Path.of("..", "config", "examples", "evacuation-order.json")), errors);
        assertThat(errors.list()).isEmpty();
        return new AdvisoryRecord(7, advisory, "{\"canonical\":true}", Instant.EPOCH, "json");
    }

    @Test
    void eachFormatRendersWhatItsOwnRendererWrites() throws Exception {
        AdvisoryRecord record = order();
        assertThat(RENDERER.render(OutboundFormat.JSON, record, DocumentState.ACTIVE))
                .isEqualTo(RecordJson.of(record, DocumentState.ACTIVE));
        assertThat(RENDERER.render(OutboundFormat.CAP, record, null)).isEqualTo(CAP.render(record));
        assertThat(RENDERER.render(OutboundFormat.COMMONS, record, null))
                .isEqualTo(CommonsRenderer.render(record.advisory()));
    }

    @Test
    void theAdvisoryAloneLeavesOutTheLogsRecordInJsonOnly() throws Exception {
        AdvisoryRecord record = order();
        assertThat(RENDERER.renderAdvisory(OutboundFormat.JSON, record)).isEqualTo("{\"canonical\":true}");
        assertThat(RENDERER.renderAdvisory(OutboundFormat.CAP, record)).isEqualTo(CAP.render(record));
    }

    @Test
    void namesAndTypesAreTheOnesConfigurationAndClientsUse() {
        assertThat(WireNamed.list(OutboundFormat.class)).isEqualTo("json, cap, commons");
        assertThat(OutboundFormat.CAP.mediaType()).isEqualTo("application/cap+xml");
        assertThat(OutboundFormat.COMMONS.contentType()).isEqualTo("application/xml; charset=utf-8");
    }
}
