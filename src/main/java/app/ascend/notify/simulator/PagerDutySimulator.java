package app.ascend.notify.simulator;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A stateful PagerDuty Events API v2 simulator on the JDK's HTTP server.
 *
 * <p>Serves {@code POST /v2/enqueue} and {@code POST /v2/change/enqueue} as PagerDuty does (FACTS.md §2 to §5),
 * keeps incidents per (routing key, dedup key), rate-limits per routing key, injects faults, records every request,
 * and offers JSON control endpoints under {@code /_sim/}. Also receives signed webhooks on
 * {@code POST /webhooks/{endpoint}} as a Standard Webhooks receiver ({@link WebhookInbox}), and Teams cards on
 * {@code POST /teams/workflows/{flow}} as a Workflows webhook ({@link TeamsWorkflows}). Thread-safe.
 *
 * <pre>{@code
 * try (PagerDutySimulator sim = PagerDutySimulator.start(0)) {
 *     post(sim.baseUrl() + "/v2/enqueue", event);
 *     assertThat(sim.openIncidentCount()).isEqualTo(1);
 * }
 * }</pre>
 */
public final class PagerDutySimulator implements AutoCloseable {

    static final String DEFAULT_HOST = "127.0.0.1";

    static {
        // The JDK server writes headers and body separately; with Nagle on, each answer on a kept-alive connection
        // waits for the client's delayed ACK (about 40 ms). Read once, when the first HttpServer is created.
        if (System.getProperty("sun.net.httpserver.nodelay") == null) {
            System.setProperty("sun.net.httpserver.nodelay", "true");
        }
    }

    private final HttpServer server;
    private final ExecutorService executor;
    private final String host;
    private final Clock clock;
    private final FaultPlan faults;
    private final WebhookSubscriptions subscriptions = new WebhookSubscriptions();
    private final IncidentBook incidents = new IncidentBook(subscriptions);
    private final RequestJournal journal = new RequestJournal();
    private final RateWindow rateWindow;
    private final EventIntake intake;
    private final WebhookInbox webhooks;
    private final TeamsWorkflows teams;
    private final SlackStandIn slack;
    private final HecStandIn hec;
    private final ServiceNowStandIn serviceNow;
    private final RestApiStandIn restApi;

    private PagerDutySimulator(Builder builder) throws IOException {
        this.host = builder.host;
        this.clock = builder.clock;
        this.faults = new FaultPlan(builder.latency.toMillis());
        this.rateWindow = new RateWindow(builder.clock, builder.rateLimit);
        this.intake = new EventIntake(builder.clock, faults, rateWindow, incidents, journal);
        this.webhooks = new WebhookInbox(builder.clock);
        this.teams = new TeamsWorkflows(builder.clock);
        this.executor = Executors.newCachedThreadPool(daemonThreads());
        this.server = HttpServer.create(new InetSocketAddress(builder.host, builder.port), 1024);
        server.createContext("/", intake);
        server.createContext(WebhookIntake.PREFIX, new WebhookIntake(webhooks));
        server.createContext(ControlEndpoint.PREFIX, new ControlEndpoint(this));
        server.createContext(TeamsIntake.PREFIX, new TeamsIntake(teams));
        server.createContext(TeamsControl.PREFIX, new TeamsControl(teams));
        this.slack = SlackStandIn.mount(server, builder.clock); // Slack: /slack/… and /_sim/slack/…
        this.hec = HecStandIn.mount(server, builder.clock); // Splunk HEC: /splunk/… and /_sim/splunk/…
        this.serviceNow = ServiceNowStandIn.mount(server, builder.clock); // /servicenow/… and /_sim/servicenow/…
        this.restApi = RestApiStandIn.mount(server, builder.clock, incidents, this::baseUrl); // /incidents, /_sim/rest/…
        server.setExecutor(executor);
        server.start();
    }

    /** Starts on 127.0.0.1; port 0 picks a free port. Default rate limit 120 per key per 60 s, system clock. */
    public static PagerDutySimulator start(int port) {
        return builder().port(port).start();
    }

    public static Builder builder() {
        return new Builder();
    }

    /** {@code http://127.0.0.1:PORT}; events go to {@code baseUrl() + "/v2/enqueue"}. */
    public String baseUrl() {
        return "http://" + host + ":" + port();
    }

    public String enqueueUrl() {
        return baseUrl() + EventIntake.ENQUEUE_PATH;
    }

    public String changeEnqueueUrl() {
        return baseUrl() + EventIntake.CHANGE_ENQUEUE_PATH;
    }

    /** Where a webhook channel posts to be received as {@code endpoint} (any name of A-Z a-z 0-9 _ -, 1 to 64). */
    public String webhookUrl(String endpoint) {
        if (!WebhookInbox.isEndpointName(endpoint)) {
            throw new IllegalArgumentException("A webhook endpoint name is 1 to 64 of A-Z a-z 0-9 _ -");
        }
        return baseUrl() + WebhookIntake.PREFIX + endpoint;
    }

    /** PagerDuty's v3 webhook subscriptions: who the simulator tells of its incidents' changes. */
    WebhookSubscriptions subscriptions() {
        return subscriptions;
    }

    /** The incidents, for a responder's acknowledge or resolve by hand. */
    IncidentBook incidentBook() {
        return incidents;
    }

    /**
     * A v3 webhook subscription for the incidents of {@code routingKey} (null: all) posting to {@code url},
     * signed with {@code secret}; answers the subscription's id.
     */
    public String subscribeWebhooks(String url, String secret, String routingKey) {
        return subscriptions.subscribe(url, secret, routingKey).id();
    }

    /** A responder acknowledges the open incident by hand (in PagerDuty's web UI); false when none is open. */
    public boolean acknowledgeByHand(String routingKey, String dedupKey, String agent) {
        return incidents.byHand(EventAction.ACKNOWLEDGE, routingKey, dedupKey, agent, clock.instant()).isPresent();
    }

    /** A responder resolves the open incident by hand; false when none is open. */
    public boolean resolveByHand(String routingKey, String dedupKey, String agent) {
        return incidents.byHand(EventAction.RESOLVE, routingKey, dedupKey, agent, clock.instant()).isPresent();
    }

    /**
     * Acknowledges ({@code resolve} false) or resolves by hand; {@code silent}: no webhook is sent, so only the
     * REST API ({@code GET /incidents}) shows it. False when none is open.
     */
    public boolean changeByHand(boolean resolve, String routingKey, String dedupKey, String agent, boolean silent) {
        return incidents.byHand(resolve ? EventAction.RESOLVE : EventAction.ACKNOWLEDGE, routingKey, dedupKey, agent,
                clock.instant(), silent).isPresent();
    }

    /** The REST API stand-in ({@code GET /incidents}): its tokens and the requests it received. */
    public RestApiStandIn restApi() {
        return restApi;
    }

    /** The Standard Webhooks receiver: secrets, faults and records per endpoint. */
    public WebhookInbox webhooks() {
        return webhooks;
    }

    /** Where a Teams channel posts to reach the Workflows flow {@code flow} (any name of A-Z a-z 0-9 _ -, 1 to 64). */
    public String teamsWorkflowUrl(String flow) {
        if (!TeamsWorkflows.isFlowName(flow)) {
            throw new IllegalArgumentException("A Teams flow name is 1 to 64 of A-Z a-z 0-9 _ -");
        }
        return baseUrl() + TeamsIntake.PREFIX + flow;
    }

    /** The Teams Workflows stand-in: posts, run statuses and faults per flow. */
    public TeamsWorkflows teams() {
        return teams;
    }

    /** The ServiceNow stand-in: the Table API's incidents and the OAuth token endpoint of each instance. */
    public ServiceNowStandIn serviceNow() {
        return serviceNow;
    }

    /** A ServiceNow channel's {@code instance_url} for the stand-in's instance {@code instance}. */
    public String serviceNowInstanceUrl(String instance) {
        if (!ServiceNowStandIn.isInstanceName(instance)) {
            throw new IllegalArgumentException("An instance name is 1 to 64 of A-Z a-z 0-9 _ -");
        }
        return baseUrl() + ServiceNowStandIn.INTAKE_PREFIX + instance;
    }

    /** The Slack stand-in: incoming webhooks at {@code /slack/webhooks/{name}}, the Web API at {@code /slack/api}. */
    public SlackStandIn slack() {
        return slack;
    }

    /** Where a Splunk HEC channel's config.url points to reach the collector {@code collector} (A-Z a-z 0-9 _ -, 1 to 64). */
    public String hecUrl(String collector) {
        if (!HecStandIn.isCollectorName(collector)) {
            throw new IllegalArgumentException("A HEC collector name is 1 to 64 of A-Z a-z 0-9 _ -");
        }
        return baseUrl() + HecStandIn.INTAKE_PREFIX + collector;
    }

    /** The Splunk HEC stand-in: events, requests, tokens and faults per collector. */
    public HecStandIn hec() {
        return hec;
    }

    public int port() {
        return server.getAddress().getPort();
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
        subscriptions.close();
    }

    // ---- Faults: checked before validation; injected failures neither ingest nor count against the rate limit.

    /** Extra delay before every answer on a PagerDuty path. */
    public void setLatency(Duration latency) {
        faults.setLatencyMillis(latency.toMillis());
    }

    /** The next {@code count} event requests answer {@code status} (4xx/5xx); later ones are handled normally. */
    public void failNext(int count, int status) {
        faults.failNext(count, status);
    }

    /** Each event request fails with {@code status} with probability {@code rate}; repeatable for a given seed. */
    public void failRandomly(double rate, int status, long seed) {
        faults.failRandomly(rate, status, new Random(seed));
    }

    public void failRandomly(double rate, int status, Random random) {
        faults.failRandomly(rate, status, Objects.requireNonNull(random));
    }

    /**
     * The next {@code count} event requests are handled (ingested as usual), but their answer stops after the
     * headers and half the body, and the rest never comes until the faults are cleared or the simulator
     * closes: a PagerDuty or proxy that stalls mid-body.
     */
    public void stallBodyNext(int count) {
        faults.stallBodyNext(count);
    }

    /**
     * Every later event to {@code routingKey} answers 400 "Event object is invalid" with {@code errors}
     * (PagerDuty's shape, FACTS.md §4), however well-formed; an empty list, or clearing the faults, stops it.
     */
    public void rejectRoutingKey(String routingKey, List<String> errors) {
        faults.reject(routingKey, errors);
    }

    /** While on, every event request answers 503 in the spec's Error shape. */
    public void setOutage(boolean on) {
        faults.setOutage(on);
    }

    /** Accepted events per routing key per sliding 60 s window, for keys without their own limit; 0 = unlimited. */
    public void setRateLimit(int perWindow) {
        rateWindow.setDefaultLimit(perWindow);
    }

    /** The limit for one routing key; 0 = unlimited. */
    public void setRateLimit(String routingKey, int perWindow) {
        rateWindow.setLimit(routingKey, perWindow);
    }

    public int rateLimit() {
        return rateWindow.defaultLimit();
    }

    public Map<String, Integer> rateLimits() {
        return rateWindow.limitsByKey();
    }

    public FaultSettings faults() {
        return faults.settings();
    }

    /** Turns off fail-next, random failures and outage, and restores the starting latency; rate limits stay. */
    public void clearFaults() {
        faults.clear();
    }

    /**
     * Clears recorded requests, incidents, rate-limit counts and faults; restores the starting rate limit and
     * latency (see {@link Builder}); forgets every webhook endpoint and Teams flow.
     */
    public void reset() {
        faults.clear();
        intake.reset();
        webhooks.reset();
        teams.reset();
        slack.reset();
        hec.reset();
        serviceNow.reset();
        restApi.reset();
        subscriptions.reset();
    }

    // ---- Queries

    /** Every request received on a PagerDuty path, in arrival order. */
    public List<RecordedRequest> requests() {
        return journal.all();
    }

    /** Requests with a sequence number above {@code sequence}, for polling. */
    public List<RecordedRequest> requestsSince(long sequence) {
        return journal.since(sequence);
    }

    /** Requests answered 202 (alert and change events), in arrival order. */
    public List<RecordedRequest> acceptedEvents() {
        return journal.accepted();
    }

    /** Accepted alert events with this dedup key (under any routing key), in arrival order. */
    public List<RecordedRequest> eventsFor(String dedupKey) {
        return journal.acceptedFor(dedupKey);
    }

    /** Accepted change events, in arrival order. */
    public List<RecordedRequest> changeEvents() {
        return journal.matching(r -> r.outcome() == EventOutcome.CHANGE_RECORDED);
    }

    /** Accepted change events sent with this routing key, in arrival order. */
    public List<RecordedRequest> changeEventsFor(String routingKey) {
        return journal.matching(r -> r.outcome() == EventOutcome.CHANGE_RECORDED && routingKey.equals(r.routingKey()));
    }

    /** Every incident ever opened, in the order opened. */
    public List<SimIncident> incidents() {
        return incidents.incidents();
    }

    /** Every incident ever opened for this pair; more than one only if triggers came after resolves. */
    public List<SimIncident> incidentsFor(String routingKey, String dedupKey) {
        return incidents.incidentsFor(routingKey, dedupKey);
    }

    /** The triggered or acknowledged incident for this pair, if any. */
    public Optional<SimIncident> openIncident(String routingKey, String dedupKey) {
        return incidents.openIncident(routingKey, dedupKey);
    }

    public int openIncidentCount() {
        return incidents.openCount();
    }

    public SimulatorStats stats() {
        Map<EventOutcome, Long> byOutcome = journal.countByOutcome();
        Map<Integer, Long> byStatus = journal.countByStatus();
        return new SimulatorStats(
                byStatus.values().stream().mapToLong(Long::longValue).sum(),
                byStatus,
                byOutcome,
                byStatus.getOrDefault(202, 0L),
                incidents.openedCount(),
                incidents.openCount(),
                byOutcome.getOrDefault(EventOutcome.OPENED, 0L) + byOutcome.getOrDefault(EventOutcome.JOINED, 0L),
                rateWindow.maxInWindowByKey());
    }

    /** {@code [--host ADDR] [--port N (8090)] [--rate-limit N (120, 0 = unlimited)] [--latency-ms N (0)]}. */
    public static void main(String[] args) throws InterruptedException {
        SimulatorOptions options;
        try {
            options = SimulatorOptions.parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.exit(2);
            return;
        }
        PagerDutySimulator simulator = builder()
                .host(options.host())
                .port(options.port())
                .rateLimit(options.rateLimit())
                .latency(Duration.ofMillis(options.latencyMillis()))
                .start();
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            simulator.close();
            stopped.countDown();
        }));
        System.out.println("PagerDuty simulator listening on " + simulator.baseUrl()
                + " (rate limit " + options.rateLimit() + "/60s per routing key, latency "
                + options.latencyMillis() + " ms)");
        System.out.println(usage(simulator.baseUrl()));
        stopped.await();
    }

    /** What the command line prints after starting: where to point a channel and how to read what arrived. */
    static String usage(String baseUrl) {
        return String.join(System.lineSeparator(),
                "  PagerDuty channel:  Events API URL " + baseUrl + EventIntake.ENQUEUE_PATH
                        + "; received events: GET " + baseUrl + "/_sim/events",
                "    change events:    " + baseUrl + EventIntake.CHANGE_ENQUEUE_PATH + " (validated as PagerDuty's "
                        + "Change Events API; no incidents); received: curl " + baseUrl + "/_sim/changes?routing_key=...",
                "    v3 webhooks:      curl -X POST " + baseUrl + "/_sim/subscriptions -d '{\"url\":\"<channel webhook_url>\","
                        + "\"secret\":\"<config.webhook_secret>\"}'   (sent: GET .../subscriptions/deliveries)",
                "    by hand:          curl -X POST " + baseUrl + "/_sim/incidents/acknowledge -d '{\"routing_key\":\"...\","
                        + "\"dedup_key\":\"...\",\"agent\":\"Jane Doe\"}'   (or .../incidents/resolve; \"silent\":true sends no webhook)",
                "    REST API:         ASCEND_PAGERDUTY_REST_URL=" + baseUrl + " (GET /incidents?incident_key=); tokens: curl -X POST "
                        + baseUrl + RestApiStandIn.CONTROL_PREFIX + "/tokens -d '{\"token\":\"<config.rest_api_token>\"}'"
                        + "   (received: GET .../rest/requests)",
                "  Webhook channel:    URL " + baseUrl + WebhookIntake.PREFIX + "{endpoint}"
                        + " (any name of A-Z a-z 0-9 _ -; Standard Webhooks signatures)",
                "    verify with:      curl -X PUT " + baseUrl + "/_sim/webhooks/{endpoint}/secrets"
                        + " -d '{\"secrets\":[\"whsec_...\"]}'   (no secret: accepted unverified)",
                "    received:         curl " + baseUrl + "/_sim/webhooks/{endpoint}/messages"
                        + "   (every request, refused ones too: .../requests)",
                "    faults:           curl -X POST " + baseUrl + "/_sim/webhooks/{endpoint}/faults"
                        + " -d '{\"status\":503,\"count\":2}'   (clear: curl -X DELETE .../faults)",
                "  Teams channel:      webhook URL " + baseUrl + TeamsIntake.PREFIX + "{flow}"
                        + " (a Workflows webhook: 202, cards checked as Teams would)",
                "    received:         curl " + baseUrl + TeamsControl.PREFIX + "/{flow}/messages"
                        + "   (every post with its run status: .../requests)",
                "    faults:           curl -X POST " + baseUrl + TeamsControl.PREFIX + "/{flow}/faults"
                        + " -d '{\"status\":429,\"retry_after\":\"2\"}'   (clear: curl -X DELETE .../faults)",
                "  Slack channel:      webhook_url " + baseUrl + SlackIntake.WEBHOOKS + "{name}, or bot_token xoxb-... with"
                        + " ASCEND_SLACK_API_URL=" + baseUrl + "/slack/api",
                "    received:         curl " + baseUrl + "/_sim/slack/messages"
                        + "   (faults: curl -X POST " + baseUrl + "/_sim/slack/faults -d '{\"error\":\"invalid_auth\"}')",
                "  Splunk HEC channel: url " + baseUrl + HecStandIn.INTAKE_PREFIX + "{collector}, any GUID token"
                        + " (events checked as HEC does)",
                "    received:         curl " + baseUrl + HecStandIn.CONTROL_PREFIX + "/{collector}/events"
                        + "   (faults: curl -X POST .../faults -d '{\"code\":9,\"count\":2}')",
                "  ServiceNow channel: instance_url " + baseUrl + ServiceNowStandIn.INTAKE_PREFIX + "{instance}"
                        + " (Table API incidents; any user, or OAuth client_credentials at .../oauth_token.do)",
                "    incidents:        curl " + baseUrl + ServiceNowStandIn.CONTROL_PREFIX + "{instance}/incidents"
                        + "   (faults: curl -X POST .../faults -d '{\"on\":\"create\",\"lose_answer\":true}')",
                "  Counts: GET " + baseUrl + "/_sim/stats; everything forgotten: POST " + baseUrl + "/_sim/reset");
    }

    private static ThreadFactory daemonThreads() {
        AtomicInteger count = new AtomicInteger();
        return runnable -> {
            Thread thread = new Thread(runnable, "pagerduty-sim-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }

    /** Settings for a simulator; {@link #start()} binds and starts it. */
    public static final class Builder {
        private String host = DEFAULT_HOST;
        private int port;
        private Clock clock = Clock.systemUTC();
        private int rateLimit = RateWindow.DEFAULT_LIMIT;
        private Duration latency = Duration.ZERO;

        private Builder() {
        }

        public Builder host(String host) {
            this.host = Objects.requireNonNull(host);
            return this;
        }

        /** 0 (the default) picks a free port. */
        public Builder port(int port) {
            this.port = port;
            return this;
        }

        /** The clock for the rate-limit window, incident times and the webhook timestamp tolerance. */
        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock);
            return this;
        }

        /** Accepted events per routing key per sliding 60 s window (default 120); 0 = unlimited. */
        public Builder rateLimit(int perWindow) {
            this.rateLimit = perWindow;
            return this;
        }

        /** Extra delay before every answer (default none); {@link #reset()} comes back to it. */
        public Builder latency(Duration latency) {
            this.latency = Objects.requireNonNull(latency);
            return this;
        }

        public PagerDutySimulator start() {
            try {
                return new PagerDutySimulator(this);
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot start the PagerDuty simulator on " + host + ":" + port, e);
            }
        }
    }
}
