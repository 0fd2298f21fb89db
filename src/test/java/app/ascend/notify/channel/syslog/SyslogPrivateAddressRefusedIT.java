package app.ascend.notify.channel.syslog;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import app.ascend.notify.support.ApiResponse;
import app.ascend.notify.support.ApiTest;
import app.ascend.notify.support.Tenant;

/**
 * With no ASCEND_OUTBOUND_ALLOW (the default), a syslog server on loopback, a private network or the cloud metadata
 * address is refused when saved: 400 naming {@code config.host}, nothing created.
 */
class SyslogPrivateAddressRefusedIT extends ApiTest {

    @ParameterizedTest
    @ValueSource(strings = { "127.0.0.1", "10.0.0.1", "169.254.169.254", "localhost", "::1" })
    void aPrivateServerIsRefusedAtSave(String host) {
        Tenant tenant = newTenant();

        ApiResponse answer = tenant.admin().post(SyslogApiTest.CHANNELS,
                SyslogApiTest.syslog("Internal", host, 6514, null, List.of("action.blocked")));

        assertThat(answer.status()).as(answer.toString()).isEqualTo(400);
        assertThat(answer.isProblem()).isTrue();
        assertThat(answer.fieldErrors()).containsOnlyKeys("config.host");
        assertThat(tenant.admin().get(SyslogApiTest.CHANNELS).itemIds()).isEmpty();
    }
}
