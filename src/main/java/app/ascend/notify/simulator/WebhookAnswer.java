package app.ascend.notify.simulator;

import java.util.Map;

/**
 * How to answer one webhook request.
 *
 * @param body        the JSON body, or {@code null} for none (204)
 * @param headers     extra headers ({@code Location}, {@code Retry-After})
 * @param delayMillis wait this long before answering
 * @param stallOn     when not {@code null}: send the headers and half the body, then hold the rest until this
 *                    endpoint's faults are cleared
 */
record WebhookAnswer(int status, String body, Map<String, String> headers, long delayMillis, WebhookEndpoint stallOn) {

    static final String INJECTED = "{\"error\":\"injected\"}";
    /** The body of a stalled answer: a 204 has none to stall, so a stalled success is a 200 with this. */
    static final String RECEIVED = "{\"status\":\"received\"}";
}
