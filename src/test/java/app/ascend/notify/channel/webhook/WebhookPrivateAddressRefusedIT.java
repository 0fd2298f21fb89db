package app.ascend.notify.channel.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import app.ascend.notify.support.ApiResponse;
import app.ascend.notify.support.ApiTest;
import app.ascend.notify.support.Tenant;

/**
 * With no ASCEND_OUTBOUND_ALLOW (the default), a webhook URL reaching loopback, a private network or the
 * cloud metadata address is refused when saved: 400 naming {@code config.url}, nothing created. (The
 * check before each send is {@code WebhookSendTest}'s; allow-listed hosts are
 * {@code WebhookAllowListedAddressIT}'s.)
 */
class WebhookPrivateAddressRefusedIT extends ApiTest {

    @ParameterizedTest
    @ValueSource(strings = { "https://127.0.0.1/hook", "https://10.0.0.1/hook", "https://169.254.169.254/latest/meta-data",
            "https://[::1]:8443/hook", "http://127.0.0.1:9/hook", "https://localhost/hook" })
    void aPrivateUrlIsRefusedAtSave(String url) {
        Tenant tenant = newTenant();

        ApiResponse answer = tenant.admin().post(WebhookApiTest.CHANNELS,
                WebhookApiTest.webhook("Internal", url, List.of("action.blocked")));

        assertThat(answer.status()).as(answer.toString()).isEqualTo(400);
        assertThat(answer.isProblem()).isTrue();
        assertThat(answer.fieldErrors()).containsOnlyKeys("config.url");
        assertThat(tenant.admin().get(WebhookApiTest.CHANNELS).itemIds()).isEmpty();
    }
}
