package jp.bousai.relay.server.edge;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.junit5.Timeout;
import java.util.concurrent.TimeUnit;
import jp.bousai.relay.server.testing.RelayTest;
import org.junit.jupiter.api.Test;

/** A query parameter an endpoint does not take is a 400 naming it, not a silently wider filter. */
@Timeout(value = 30, timeUnit = TimeUnit.SECONDS)
class QueryParametersTest extends RelayTest {

    private JsonObject refused(String pathAndQuery) throws Exception {
        HttpResponse<Buffer> response = relay.web().get(pathAndQuery).send().await(10, TimeUnit.SECONDS);
        assertThat(response.statusCode()).as(pathAndQuery).isEqualTo(400);
        assertThat(response.getHeader("Content-Type")).isEqualTo("application/problem+json");
        return response.bodyAsJsonObject();
    }

    @Test
    void streamsFeedsAndAdvisoriesNameTheUnknownParameter() throws Exception {
        assertThat(refused("/api/v1/stream?are=13").getString("detail"))
                .contains("unknown query parameter 'are'").contains("area, category, mode, since, snapshot");
        assertThat(refused("/feeds/atom?area=13&sort=new").getString("detail")).contains("'sort'");
        assertThat(refused("/api/v1/advisories?area=13&after=0&page=2").getString("detail")).contains("'page'");
        assertThat(refused("/api/v1/advisories/some-id?area=13").getString("detail")).contains("'area'");
        assertThat(refused("/api/v1/ws?area=13").getString("detail")).contains("'area'");
        HttpResponse<Buffer> known = relay.web().get("/feeds/cap.atom?area=13&category=EvacuationOrder&mode=Actual"
                + "&limit=5&before=9").send().await(10, TimeUnit.SECONDS);
        assertThat(known.statusCode()).isEqualTo(200);
    }
}
