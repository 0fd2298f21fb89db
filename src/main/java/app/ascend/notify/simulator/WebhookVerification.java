package app.ascend.notify.simulator;

/**
 * What {@link WebhookSignatureVerifier} concluded about one request.
 *
 * @param verified      a {@code v1} signature matched a registered secret
 * @param refusalStatus 0 when the request may be accepted, else the status to refuse it with (400 or 401)
 * @param text          why, for the request record and, when refused, the {@code error} of the answer
 */
record WebhookVerification(boolean verified, int refusalStatus, String text) {

    static final String MISSING_HEADERS = "missing webhook-id / webhook-timestamp / webhook-signature";

    static WebhookVerification noSecretRegistered() {
        return new WebhookVerification(false, 0, "no secret registered for this endpoint");
    }

    static WebhookVerification matched(int secretNumber, int secretCount) {
        return new WebhookVerification(true, 0, "signature matches registered secret " + secretNumber + " of "
                + secretCount);
    }

    static WebhookVerification missingHeaders() {
        return new WebhookVerification(false, 400, MISSING_HEADERS);
    }

    static WebhookVerification refused(String why) {
        return new WebhookVerification(false, 401, why);
    }

    boolean acceptable() {
        return refusalStatus == 0;
    }
}
