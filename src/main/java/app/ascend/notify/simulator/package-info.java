/**
 * A stateful, in-process PagerDuty Events API v2 simulator for tests, local trials and benchmarks.
 *
 * <p>Rules follow {@code shared/reference/pagerduty/FACTS.md} (sections 2 to 5 and 10) and PagerDuty's
 * OpenAPI spec {@code shared/reference/pagerduty/events-v2/openapiv3.json}. Start it with
 * {@link app.ascend.notify.simulator.PagerDutySimulator#start(int)} or from the command line with
 * {@link app.ascend.notify.simulator.PagerDutySimulator#main(String[])}. JDK and Jackson only, no Spring.
 *
 * <p>The same server is also the stand-in receiver for webhook channels: {@code POST /webhooks/{endpoint}} verifies
 * Standard Webhooks signatures ({@code webhook-id}, {@code webhook-timestamp}, {@code webhook-signature}; rules from
 * {@code shared/reference/standard-webhooks/FACTS.md} and https://github.com/standard-webhooks/standard-webhooks,
 * {@code spec/standard-webhooks.md}) against the secrets registered for that endpoint, records every request and can
 * inject faults; see {@link app.ascend.notify.simulator.WebhookInbox} and the control routes under
 * {@code /_sim/webhooks/} ({@link app.ascend.notify.simulator.WebhookControl}).
 *
 * <p>And for Slack channels ({@link app.ascend.notify.simulator.SlackStandIn}, rules from
 * {@code shared/reference/slack/FACTS.md}): incoming webhooks on {@code POST /slack/webhooks/{name}} and the Web API's
 * {@code chat.postMessage} and {@code chat.update} on {@code POST /slack/api/{method}}, checked against Block Kit's
 * limits and rate-limited per channel, with control routes under {@code /_sim/slack/}.
 */
package app.ascend.notify.simulator;
