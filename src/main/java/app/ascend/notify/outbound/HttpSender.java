package app.ascend.notify.outbound;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.function.Function;

import org.springframework.scheduling.concurrent.CustomizableThreadFactory;

import app.ascend.notify.channel.spi.SendResult;
import app.ascend.notify.channel.spi.SendResult.Outcome;

/**
 * One channel type's HTTP sender, made by {@link OutboundHttp#sender}: POSTs with the JDK HttpClient
 * (connections reused, HTTP/1.1, redirects never followed), the whole exchange bounded, not only the
 * wait for the headers — the JDK's request timeout ends when the headers arrive, so a receiver or proxy
 * that stalls the body would hold the worker for ever; past the bound the exchange is cancelled and
 * retried like a timeout ({@link ExchangeDeadline}). The send is the blocking {@code send()} on the
 * caller's thread: {@code sendAsync()} hands every answer to the common pool, which on 2 cores is a new
 * thread per answer. Messages name the destination by its display name, never its URL.
 */
public final class HttpSender {
    /*
     * The client's own tasks (reading an answer, completing the caller's future) run on two threads: they never
     * block, and by default the JDK gives them an unbounded cached pool, which held 71 threads (and their
     * stacks and malloc arenas) under the benchmark's 1,000 sends a second.
     */
    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .followRedirects(HttpClient.Redirect.NEVER).connectTimeout(Duration.ofSeconds(5))
            .executor(Executors.newFixedThreadPool(2, daemonThreads("outbound-http-"))).build();
    private final String channelType;
    private final String displayName;
    private final Duration timeout;
    private final OutboundAddressPolicy guard;
    private final NotifierMetrics metrics;

    HttpSender(String channelType, String displayName, Duration timeout, OutboundAddressPolicy guard,
            NotifierMetrics metrics) {
        this.channelType = channelType;
        this.displayName = displayName;
        this.timeout = timeout;
        this.guard = guard;
        this.metrics = metrics;
    }

    public Duration timeout() {
        return timeout;
    }

    /**
     * POSTs {@code body} to {@code uri} with {@code headers}, and turns the answer into a result with
     * {@code read} (usually {@link AnswerTable#standard} plus the vendor's message). No answer (timeout,
     * refused connection) is a RETRY; a URL whose host resolves to a forbidden address is REJECTED
     * without a request.
     */
    public SendResult post(URI uri, Map<String, String> headers, byte[] body, Function<HttpAnswer, SendResult> read) {
        return exchange("POST", uri, headers, body, read);
    }

    /**
     * Like {@link #post}, with another method: {@code GET} (no body; {@code body} must be null) or {@code PATCH},
     * {@code PUT}, {@code DELETE} (a REST API that reads, updates or closes what a trigger created).
     */
    public SendResult exchange(String method, URI uri, Map<String, String> headers, byte[] body,
            Function<HttpAnswer, SendResult> read) {
        if (guard != null) {
            Optional<String> refusal = guard.refusal(uri);
            if (refusal.isPresent()) {
                return SendResult.noAnswer(Outcome.REJECTED, "not sent: " + refusal.get(), 0);
            }
        }
        HttpRequest.Builder request = HttpRequest.newBuilder(uri).timeout(timeout)
                .header("User-Agent", "ascend-notify")
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofByteArray(body));
        headers.forEach(request::header);
        long started = System.nanoTime();
        ExchangeDeadline deadline = ExchangeDeadline.start(timeout);
        Integer status = null;
        try {
            HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
            status = response.statusCode();
            return read.apply(new HttpAnswer(response.statusCode(), response.headers(), response.body(), elapsed(started)));
        } catch (HttpTimeoutException e) {
            return timedOut(started);
        } catch (IOException e) {
            return SendResult.noAnswer(Outcome.RETRY, "connection to " + displayName + " failed: "
                    + e.getClass().getSimpleName() + (e.getMessage() == null ? "" : " " + e.getMessage()), elapsed(started));
        } catch (InterruptedException e) {
            if (deadline.interruptedThisThread()) {
                return timedOut(started); // send() cancelled the exchange when interrupted, closing its connection
            }
            Thread.currentThread().interrupt();
            return SendResult.noAnswer(Outcome.RETRY, "interrupted while sending (service stopping)", elapsed(started));
        } finally {
            deadline.end();
            metrics.answered(channelType, status, Duration.ofNanos(System.nanoTime() - started));
        }
    }

    private SendResult timedOut(long started) {
        return SendResult.noAnswer(Outcome.RETRY, "no complete answer from " + displayName + " within "
                + timeout.toMillis() / 1000.0 + " s", elapsed(started));
    }

    private static long elapsed(long started) {
        return (System.nanoTime() - started) / 1_000_000;
    }

    private static CustomizableThreadFactory daemonThreads(String prefix) {
        CustomizableThreadFactory threads = new CustomizableThreadFactory(prefix);
        threads.setDaemon(true);
        return threads;
    }
}
