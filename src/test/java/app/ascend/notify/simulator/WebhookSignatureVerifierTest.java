package app.ascend.notify.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The verifier on its own, with a fixed clock: the spec's test vector, the tolerance, malformed headers. */
class WebhookSignatureVerifierTest {

    // The reference libraries' shared vector (Java TestScenario.validSigned, Go TestWebhookSign; FACTS.md §6).
    private static final WebhookSecret VECTOR_SECRET = WebhookSecret.parse("whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw");
    private static final String VECTOR_ID = "msg_p5jXN8AQM9LWM0D4loKWxJek";
    private static final long VECTOR_TIMESTAMP = 1614265330;
    private static final byte[] VECTOR_BODY = "{\"test\": 2432232314}".getBytes(StandardCharsets.UTF_8);
    private static final String VECTOR_SIGNATURE = "v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=";
    private static final WebhookSecret OTHER_SECRET = WebhookSecret.parse(SignedWebhooks.newSecret(32));

    private static WebhookSignatureVerifier verifierAt(long epochSecond) {
        return new WebhookSignatureVerifier(Clock.fixed(Instant.ofEpochSecond(epochSecond), ZoneOffset.UTC));
    }

    private static WebhookHeaders vectorHeaders(String timestamp, String signature) {
        return new WebhookHeaders(VECTOR_ID, timestamp, signature);
    }

    @Test
    void theSpecTestVectorVerifiesAtItsOwnTime() {
        WebhookVerification verification = verifierAt(VECTOR_TIMESTAMP)
                .verify(List.of(VECTOR_SECRET), vectorHeaders("1614265330", VECTOR_SIGNATURE), VECTOR_BODY);

        assertThat(verification.verified()).isTrue();
        assertThat(verification.acceptable()).isTrue();
        assertThat(verification.text()).isEqualTo("signature matches registered secret 1 of 1");
    }

    @Test
    void signatureComputesTheSpecVector() {
        assertThat("v1," + WebhookSignatureVerifier.signature(VECTOR_SECRET.key(), VECTOR_ID, "1614265330",
                VECTOR_BODY)).isEqualTo(VECTOR_SIGNATURE);
    }

    @Test
    void fiveMinutesEitherWayIsToleratedAndOneSecondMoreIsNot() {
        WebhookHeaders headers = vectorHeaders("1614265330", VECTOR_SIGNATURE);

        assertThat(verifierAt(VECTOR_TIMESTAMP + 300).verify(List.of(VECTOR_SECRET), headers, VECTOR_BODY).verified())
                .isTrue();
        assertThat(verifierAt(VECTOR_TIMESTAMP - 300).verify(List.of(VECTOR_SECRET), headers, VECTOR_BODY).verified())
                .isTrue();
        WebhookVerification tooOld = verifierAt(VECTOR_TIMESTAMP + 301).verify(List.of(VECTOR_SECRET), headers,
                VECTOR_BODY);
        WebhookVerification tooNew = verifierAt(VECTOR_TIMESTAMP - 301).verify(List.of(VECTOR_SECRET), headers,
                VECTOR_BODY);
        assertThat(tooOld.refusalStatus()).isEqualTo(401);
        assertThat(tooOld.text()).contains("301 s behind");
        assertThat(tooNew.refusalStatus()).isEqualTo(401);
        assertThat(tooNew.text()).contains("301 s ahead");
    }

    @Test
    void anyV1EntryAgainstAnySecretMatchesAndOtherVersionsAreSkipped() {
        String otherSignature = "v1," + WebhookSignatureVerifier.signature(OTHER_SECRET.key(), VECTOR_ID,
                "1614265330", VECTOR_BODY);
        // A v1a (Ed25519) entry carrying the right bytes must not count: only v1 is HMAC (FACTS.md §4).
        String header = "v1a," + VECTOR_SIGNATURE.substring(3) + "  " + otherSignature + " " + VECTOR_SIGNATURE;

        WebhookVerification verification = verifierAt(VECTOR_TIMESTAMP)
                .verify(List.of(OTHER_SECRET, VECTOR_SECRET), vectorHeaders("1614265330", header), VECTOR_BODY);
        WebhookVerification onlyV1a = verifierAt(VECTOR_TIMESTAMP).verify(List.of(VECTOR_SECRET),
                vectorHeaders("1614265330", "v1a," + VECTOR_SIGNATURE.substring(3)), VECTOR_BODY);

        assertThat(verification.verified()).isTrue();
        assertThat(verification.text()).isEqualTo("signature matches registered secret 1 of 2");
        assertThat(onlyV1a.verified()).isFalse();
        assertThat(onlyV1a.text()).isEqualTo("signature does not match");
    }

    @Test
    void aChangedBodyIdOrTimestampDoesNotMatch() {
        WebhookSignatureVerifier verifier = verifierAt(VECTOR_TIMESTAMP);

        assertThat(verifier.verify(List.of(VECTOR_SECRET), vectorHeaders("1614265330", VECTOR_SIGNATURE),
                "{\"test\":2432232314}".getBytes(StandardCharsets.UTF_8)).refusalStatus()).isEqualTo(401);
        assertThat(verifier.verify(List.of(VECTOR_SECRET), new WebhookHeaders("msg_other", "1614265330",
                VECTOR_SIGNATURE), VECTOR_BODY).refusalStatus()).isEqualTo(401);
        assertThat(verifier.verify(List.of(VECTOR_SECRET), vectorHeaders("1614265331", VECTOR_SIGNATURE),
                VECTOR_BODY).text()).isEqualTo("signature does not match");
    }

    @Test
    void missingHeadersAre400AndANonNumericTimestamp401() {
        WebhookSignatureVerifier verifier = verifierAt(VECTOR_TIMESTAMP);

        WebhookVerification missing = verifier.verify(List.of(VECTOR_SECRET),
                new WebhookHeaders(VECTOR_ID, "1614265330", null), VECTOR_BODY);
        WebhookVerification notNumber = verifier.verify(List.of(VECTOR_SECRET),
                vectorHeaders("2021-02-25T15:02:10Z", VECTOR_SIGNATURE), VECTOR_BODY);
        WebhookVerification tooLong = verifier.verify(List.of(VECTOR_SECRET),
                vectorHeaders("99999999999999999999999", VECTOR_SIGNATURE), VECTOR_BODY);

        assertThat(missing.refusalStatus()).isEqualTo(400);
        assertThat(missing.text()).isEqualTo("missing webhook-id / webhook-timestamp / webhook-signature");
        assertThat(notNumber.refusalStatus()).isEqualTo(401);
        assertThat(notNumber.text()).isEqualTo("webhook-timestamp is not an integer of unix seconds");
        assertThat(tooLong.refusalStatus()).isEqualTo(401);
    }

    @Test
    void withoutSecretsNothingIsCheckedAndNothingIsVerified() {
        WebhookVerification verification = verifierAt(VECTOR_TIMESTAMP)
                .verify(List.of(), new WebhookHeaders(null, null, null), VECTOR_BODY);

        assertThat(verification.acceptable()).isTrue();
        assertThat(verification.verified()).isFalse();
        assertThat(verification.text()).isEqualTo("no secret registered for this endpoint");
    }
}
