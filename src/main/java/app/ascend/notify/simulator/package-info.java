/**
 * A stateful, in-process PagerDuty Events API v2 simulator for tests, local trials and benchmarks.
 *
 * <p>Rules follow {@code shared/reference/pagerduty/FACTS.md} (sections 2 to 5 and 10) and PagerDuty's
 * OpenAPI spec {@code shared/reference/pagerduty/events-v2/openapiv3.json}. Start it with
 * {@link app.ascend.notify.simulator.PagerDutySimulator#start(int)} or from the command line with
 * {@link app.ascend.notify.simulator.PagerDutySimulator#main(String[])}. JDK and Jackson only, no Spring.
 */
package app.ascend.notify.simulator;
