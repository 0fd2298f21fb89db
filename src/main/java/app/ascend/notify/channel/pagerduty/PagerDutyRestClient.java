package app.ascend.notify.channel.pagerduty;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import app.ascend.notify.channel.spi.Reconciliation.Lookup;
import app.ascend.notify.channel.spi.Reconciliation.Outcome;
import app.ascend.notify.channel.spi.RemoteIncident;
import app.ascend.notify.channel.spi.SendResult;
import app.ascend.notify.outbound.HttpAnswer;
import app.ascend.notify.outbound.HttpSender;
import app.ascend.notify.outbound.OutboundHttp;

/**
 * Asks PagerDuty's REST API v2 for the incidents of one incident key: {@code GET /incidents?incident_key=…
 * &date_range=all} with {@code Authorization: Token token=<token>} and {@code Accept:
 * application/vnd.pagerduty+json;version=2} (https://developer.pagerduty.com/api-reference/9d0b4b12e36f9-list-incidents),
 * through the shared {@link HttpSender} (whole exchange bounded, redirects never followed). The host is
 * the region's ({@code api.pagerduty.com} / {@code api.eu.pagerduty.com}, FACTS.md §1 [S5], [S6]), or the
 * operator's {@code ASCEND_PAGERDUTY_REST_URL} (tests, proxies): never a user's URL, so not held to the
 * outbound address rule.
 *
 * <p>From PagerDuty's spec as its generated clients repeat it (not read on PagerDuty's own page, so
 * <b>unconfirmed</b> there): {@code date_range=all} makes PagerDuty ignore {@code since}/{@code until} and their
 * defaults (otherwise only recent incidents are listed); "Incidents with child alerts do not have an incident
 * key; querying by incident key will return incidents whose alerts have alert_key matching the given incident
 * key". Paging is {@code limit}/{@code offset} with {@code more} in the answer
 * (https://developer.pagerduty.com/docs/rest-api-v2/pagination/).
 */
@Component
public class PagerDutyRestClient {
    static final String US_BASE = "https://api.pagerduty.com";
    static final String EU_BASE = "https://api.eu.pagerduty.com";
    static final String ACCEPT = "application/vnd.pagerduty+json;version=2";
    /** Incidents asked per page; PagerDuty's maximum page is 100 (pagination docs). */
    static final int PAGE_LIMIT = 25;
    /** Pages read for one key at most: one key has few incidents (one per trigger after a resolve). */
    static final int MAX_PAGES = 4;
    /** Statuses the REST API documents for this call: 200, 400, 401, 402, 403, 429 (and 5xx). */
    static final List<Integer> KNOWN_STATUSES = List.of(200, 400, 401, 402, 403, 429, 500);

    private final String overrideBase;
    private final HttpSender sender;
    private final Clock clock;
    private final IncidentListReader reader = new IncidentListReader();

    public PagerDutyRestClient(@Value("${ascend.pagerduty.rest-url:}") String overrideBase,
            @Value("${ascend.pagerduty.timeout:10s}") Duration timeout, Clock clock, OutboundHttp outbound) {
        this.overrideBase = overrideBase == null || overrideBase.isBlank() ? null : overrideBase.replaceAll("/+$", "");
        this.sender = outbound.sender(PagerDutyChannelType.NAME, "PagerDuty", timeout, KNOWN_STATUSES, false);
        this.clock = clock;
    }

    URI incidentsUri(String region, String incidentKey, int offset) {
        String base = overrideBase != null ? overrideBase
                : PagerDutySettings.REGION_EU.equals(region) ? EU_BASE : US_BASE;
        return URI.create(base + "/incidents?incident_key=" + URLEncoder.encode(incidentKey, StandardCharsets.UTF_8)
                + "&date_range=all&limit=" + PAGE_LIMIT + "&offset=" + offset);
    }

    /** The newest incident PagerDuty holds for {@code incidentKey}, or why it could not say. */
    Lookup newestFor(String region, String token, String incidentKey) {
        List<RemoteIncident> found = new ArrayList<>();
        List<java.time.Instant> created = new ArrayList<>();
        for (int page = 0, offset = 0; page < MAX_PAGES; page++) {
            AtomicReference<Object> read = new AtomicReference<>();
            SendResult result = sender.exchange("GET", incidentsUri(region, incidentKey, offset),
                    Map.of("Authorization", "Token token=" + token, "Accept", ACCEPT), null, answer -> {
                        read.set(answer.success() ? reader.read(answer.body(), incidentKey) : failure(answer));
                        return new SendResult(SendResult.Outcome.DELIVERED, answer.status(), null, List.of(), null,
                                answer.latencyMillis(), null);
                    });
            if (read.get() == null) {
                return Lookup.failed(Outcome.FAILED, result.message(), null); // no answer: timeout, connection
            }
            if (read.get() instanceof Lookup failed) {
                return failed;
            }
            IncidentListReader.PageRead pageRead = (IncidentListReader.PageRead) read.get();
            if (pageRead.error() != null) {
                return Lookup.failed(Outcome.FAILED, pageRead.error(), null);
            }
            pageRead.incidents().forEach(incident -> {
                found.add(incident.incident());
                created.add(incident.createdAt());
            });
            if (!pageRead.more()) {
                break;
            }
            offset += PAGE_LIMIT;
        }
        if (found.isEmpty()) {
            return Lookup.notFound();
        }
        // A trigger after a resolve opens a new incident with the same key (FACTS.md §3): the newest is ours.
        int newest = 0;
        for (int i = 1; i < found.size(); i++) {
            if (created.get(i) != null && (created.get(newest) == null || created.get(i).isAfter(created.get(newest)))) {
                newest = i;
            }
        }
        return Lookup.found(found.get(newest));
    }

    /** A refusal, a throttle or a failure; PagerDuty's own message quoted (it never echoes the token). */
    private Lookup failure(HttpAnswer answer) {
        String said = answer.bodyExcerpt(300);
        String tail = " (HTTP " + answer.status() + (said == null ? "" : ": " + said) + ")";
        return switch (answer.status()) {
            case 401 -> Lookup.failed(Outcome.REFUSED, "PagerDuty refused the REST API token" + tail
                    + "; check config.rest_api_token and the channel's region", null);
            case 402, 403 -> Lookup.failed(Outcome.REFUSED, "the REST API token may not list incidents" + tail, null);
            case 429 -> Lookup.failed(Outcome.THROTTLED, "PagerDuty's REST API rate limit was reached" + tail,
                    retryAfter(answer).orElse(null));
            default -> Lookup.failed(Outcome.FAILED, "PagerDuty's REST API did not answer with incidents" + tail, null);
        };
    }

    /**
     * {@code Retry-After} if sent, else {@code ratelimit-reset} (seconds), which go-pagerduty reads on the REST
     * API's 429 (FACTS.md §9); which of them PagerDuty sends is <b>unconfirmed</b>.
     */
    private Optional<Duration> retryAfter(HttpAnswer answer) {
        Optional<Duration> retryAfter = answer.retryAfter(clock);
        if (retryAfter.isPresent()) {
            return retryAfter;
        }
        return answer.headers().firstValue("ratelimit-reset").flatMap(value -> {
            try {
                long seconds = Long.parseLong(value.trim());
                return seconds >= 0 ? Optional.of(Duration.ofSeconds(seconds)) : Optional.empty();
            } catch (NumberFormatException e) {
                return Optional.empty();
            }
        });
    }
}
