package app.ascend.notify.outbound;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;

import org.junit.jupiter.api.Test;

class OutboundAddressPolicyTest {
    private final OutboundAddressPolicy strict = new OutboundAddressPolicy("");

    @Test
    void loopbackPrivateLinkLocalMetadataAndUnspecifiedAddressesAreRefused() {
        for (String url : new String[] {"https://127.0.0.1/hook", "https://localhost/hook", "https://10.1.2.3/",
                "https://172.16.0.1/", "https://192.168.1.1/", "https://169.254.169.254/latest/meta-data/",
                "https://100.100.100.200/", "https://0.0.0.0/", "https://[::1]/", "https://[fd00:ec2::254]/",
                "https://[fe80::1]/", "https://[::ffff:10.0.0.1]/"}) {
            assertThat(strict.refusal(URI.create(url))).as(url).isPresent();
        }
    }

    @Test
    void theRefusalSaysWhichAddressAndHowToAllowIt() {
        assertThat(strict.refusal(URI.create("https://169.254.169.254/"))).hasValueSatisfying(reason -> assertThat(reason)
                .contains("169.254.169.254").contains("link-local").contains("ASCEND_OUTBOUND_ALLOW"));
    }

    @Test
    void publicAddressesPass() {
        assertThat(strict.refusal(URI.create("https://93.184.215.14/hook"))).isEmpty();
        assertThat(strict.refusal(URI.create("https://[2606:2800:21f:cb07:6820:80da:af6b:8b2c]/"))).isEmpty();
    }

    @Test
    void theAllowListOpensRangesAndHostNames() {
        OutboundAddressPolicy allowing = new OutboundAddressPolicy(" 127.0.0.0/8 , hooks.internal.example,fd00::/8");

        assertThat(allowing.refusal(URI.create("http://127.0.0.1:8090/webhooks/x"))).isEmpty();
        assertThat(allowing.refusal(URI.create("https://[fd00:ec2::254]/"))).isEmpty();
        assertThat(allowing.refusal(URI.create("https://10.0.0.1/"))).isPresent();
        assertThat(allowing.refusal(URI.create("https://HOOKS.internal.example/x"))).isEmpty();
    }

    @Test
    void aBadAllowListEntryStopsTheStartWithWhatIsWrong() {
        assertThatThrownBy(() -> new OutboundAddressPolicy("127.0.0.0/33"))
                .hasMessageContaining("ASCEND_OUTBOUND_ALLOW").hasMessageContaining("127.0.0.0/33");
    }
}
