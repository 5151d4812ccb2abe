package jp.bousai.relay.server.edge;

import static jp.bousai.relay.server.testing.RelayFixture.ADMIN_KEY;
import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.buffer.Buffer;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.junit5.Timeout;
import java.util.concurrent.TimeUnit;
import jp.bousai.relay.server.testing.RelayTest;
import org.junit.jupiter.api.Test;

/** Every answer, errors and 404s included, carries the security headers; credentials are never cached. */
@Timeout(value = 30, timeUnit = TimeUnit.SECONDS)
class SecurityHeadersTest extends RelayTest {

    private static void assertSecurityHeaders(HttpResponse<Buffer> response) {
        assertThat(response.getHeader("X-Content-Type-Options")).isEqualTo("nosniff");
        assertThat(response.getHeader("Content-Security-Policy")).startsWith("default-src 'self'")
                .contains("frame-ancestors 'none'");
        assertThat(response.getHeader("Referrer-Policy")).isEqualTo("no-referrer");
        assertThat(response.getHeader("X-Frame-Options")).isEqualTo("DENY");
        assertThat(response.getHeader("Strict-Transport-Security")).as("no HSTS over plain HTTP").isNull();
    }

    @Test
    void feedsErrorsAndUnknownPathsCarryTheSecurityHeaders() throws Exception {
        HttpResponse<Buffer> feed = relay.web().get("/feeds/atom").send().await(10, TimeUnit.SECONDS);
        assertThat(feed.statusCode()).isEqualTo(200);
        assertSecurityHeaders(feed);
        assertThat(feed.getHeader("Cache-Control")).as("public reads may be cached").isNotEqualTo("no-store");

        HttpResponse<Buffer> missing = relay.web().get("/no/such/page").send().await(10, TimeUnit.SECONDS);
        assertThat(missing.statusCode()).isEqualTo(404);
        assertSecurityHeaders(missing);

        HttpResponse<Buffer> refused = relay.postRaw(Buffer.buffer("{}"), "application/json", null)
                .await(10, TimeUnit.SECONDS);
        assertThat(refused.statusCode()).isEqualTo(401);
        assertSecurityHeaders(refused);
        assertThat(refused.getHeader("Cache-Control")).isEqualTo("no-store");
    }

    @Test
    void adminAndAuthenticatedAnswersAreNotStored() throws Exception {
        HttpResponse<Buffer> admin = relay.web().get("/api/v1/admin/receivers")
                .putHeader("Authorization", "Bearer " + ADMIN_KEY).send().await(10, TimeUnit.SECONDS);
        assertThat(admin.statusCode()).isEqualTo(200);
        assertSecurityHeaders(admin);
        assertThat(admin.getHeader("Cache-Control")).isEqualTo("no-store");

        HttpResponse<Buffer> withKey = relay.web().get("/api/v1/advisories")
                .putHeader("Authorization", "Bearer " + ADMIN_KEY).send().await(10, TimeUnit.SECONDS);
        assertThat(withKey.getHeader("Cache-Control")).isEqualTo("no-store");
    }
}
