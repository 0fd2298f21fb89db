package app.ascend.notify.channel.teams;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import app.ascend.notify.support.ApiResponse;
import app.ascend.notify.support.ApiTest;
import app.ascend.notify.support.Tenant;

/**
 * With no ASCEND_OUTBOUND_ALLOW (the default), a Teams webhook URL reaching loopback, a private network or the
 * cloud metadata address is refused when saved: 400 naming {@code config.webhook_url}, nothing created, and the
 * URL not repeated in the answer.
 */
class TeamsPrivateAddressRefusedIT extends ApiTest {

    @ParameterizedTest
    @ValueSource(strings = { "https://127.0.0.1/workflows/x?sig=secretsig", "https://10.0.0.1/workflows/x?sig=secretsig",
            "https://169.254.169.254/latest/meta-data?sig=secretsig", "http://127.0.0.1:9/teams?sig=secretsig",
            "https://localhost/workflows?sig=secretsig" })
    void aPrivateUrlIsRefusedAtSave(String url) {
        Tenant tenant = newTenant();

        ApiResponse answer = tenant.admin().post(TeamsApiTest.CHANNELS, TeamsApiTest.teams("Internal", url, List.of("action.blocked")));

        assertThat(answer.status()).as(answer.toString()).isEqualTo(400);
        assertThat(answer.isProblem()).isTrue();
        assertThat(answer.fieldErrors()).containsOnlyKeys("config.webhook_url");
        assertThat(answer.body()).doesNotContain("secretsig");
        assertThat(tenant.admin().get(TeamsApiTest.CHANNELS).itemIds()).isEmpty();
    }
}
