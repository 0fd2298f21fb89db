package app.ascend.notify.outbound;

import java.io.IOException;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.http.HttpHeaders;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Function;

import javax.net.ssl.SSLContext;

import org.apache.hc.client5.http.HttpHostConnectException;
import org.apache.hc.client5.http.classic.methods.HttpUriRequestBase;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.client5.http.ssl.ClientTlsStrategyBuilder;
import org.apache.hc.core5.http.ClassicHttpResponse;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.Header;
import org.apache.hc.core5.http.HttpEntity;
import org.apache.hc.core5.http.NoHttpResponseException;
import org.apache.hc.core5.http.io.entity.ByteArrayEntity;
import org.apache.hc.core5.http.io.entity.EntityUtils;
import org.apache.hc.core5.util.TimeValue;
import org.apache.hc.core5.util.Timeout;

import app.ascend.notify.channel.spi.SendResult;
import app.ascend.notify.channel.spi.SendResult.Outcome;

/**
 * One channel type's HTTP sender, made by {@link OutboundHttp#sender}: the whole exchange (HTTP/1.1, connections
 * pooled and reused, redirects never followed, never retried by the client) runs on the calling worker's thread
 * with the classic, blocking Apache HttpClient, and is bounded as a whole, not only each read: a receiver or proxy
 * that stalls the body would otherwise hold the worker for ever; past the bound the exchange is aborted and
 * retried like a timeout ({@link ExchangeDeadline}). Messages name the destination by its display name, never its
 * URL.
 *
 * <p>Why not the JDK HttpClient, which this used before: its blocking {@code send()} is asynchronous inside. A
 * request is written by the caller, its answer read by the client's selector thread, parsed on its executor and
 * handed back to the waiting caller: three threads woken per send, and on the benchmark's 2 cores those hand-offs
 * (futex wake-ups, the selector's timer wake-up for each request timeout) were a third of the service's CPU per
 * event at 200 events/s (docs/PERFORMANCE.md, "fifth look"). Here one thread writes and reads its own socket.
 */
public final class HttpSender {
    /* Waits for a pooled connection at most this long; the deadline bounds the whole exchange anyway. */
    private static final Timeout POOL_WAIT = Timeout.ofSeconds(10);
    /*
     * One client for every type: connections are kept per destination. The pool is not the bound (the delivery
     * workers are): 1,000 in all, as many to one host. A connection idle for a second is checked before reuse (a
     * receiver may have closed it; a POST is never retried on a fresh one by the client, so a stale one would
     * cost the send an attempt), and idle ones are closed after 30 s.
     */
    private static final CloseableHttpClient HTTP = HttpClients.custom()
            .setConnectionManager(PoolingHttpClientConnectionManagerBuilder.create()
                    .setMaxConnTotal(1000)
                    .setMaxConnPerRoute(1000)
                    .setTlsSocketStrategy(ClientTlsStrategyBuilder.create().setSslContext(defaultTls()).buildClassic())
                    .setDefaultConnectionConfig(ConnectionConfig.custom()
                            .setConnectTimeout(Timeout.ofSeconds(5))
                            .setValidateAfterInactivity(TimeValue.ofSeconds(1))
                            .build())
                    .build())
            .evictIdleConnections(TimeValue.ofSeconds(30))
            .disableAutomaticRetries()
            .disableRedirectHandling()
            .disableCookieManagement()
            .disableAuthCaching()
            .disableContentCompression()
            .setUserAgent("ascend-notify")
            .build();
    private final String channelType;
    private final String displayName;
    private final Duration timeout;
    private final RequestConfig requestConfig;
    private final OutboundAddressPolicy guard;
    private final NotifierMetrics metrics;

    HttpSender(String channelType, String displayName, Duration timeout, OutboundAddressPolicy guard,
            NotifierMetrics metrics) {
        this.channelType = channelType;
        this.displayName = displayName;
        this.timeout = timeout;
        // No "Upgrade: TLS" offer on plain http (RFC 2817): a receiver sees the request as sent.
        this.requestConfig = RequestConfig.custom().setProtocolUpgradeEnabled(false)
                .setConnectionRequestTimeout(POOL_WAIT).setResponseTimeout(Timeout.of(timeout)).build();
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
        HttpUriRequestBase request = new HttpUriRequestBase(method, uri);
        request.setConfig(requestConfig);
        if (body != null) {
            request.setEntity(new ByteArrayEntity(body, null)); // the Content-Type is among the headers
        }
        headers.forEach(request::setHeader);
        long started = System.nanoTime();
        ExchangeDeadline deadline = ExchangeDeadline.start(timeout, request::cancel);
        Integer status = null;
        try {
            HttpAnswer answer = HTTP.execute(request, response -> read(response, started));
            status = answer.status();
            return read.apply(answer);
        } catch (IOException e) {
            if (deadline.expired() || e instanceof SocketTimeoutException) {
                return timedOut(started); // connect or read timeout, or the deadline aborted the exchange
            }
            if (Thread.currentThread().isInterrupted()) {
                return SendResult.noAnswer(Outcome.RETRY, "interrupted while sending (service stopping)", elapsed(started));
            }
            return SendResult.noAnswer(Outcome.RETRY, "connection to " + displayName + " failed: " + describe(e),
                    elapsed(started));
        } finally {
            deadline.end();
            metrics.answered(channelType, status, Duration.ofNanos(System.nanoTime() - started));
        }
    }

    /** The whole answer, read before the connection goes back to the pool. */
    private static HttpAnswer read(ClassicHttpResponse response, long started) throws IOException {
        Map<String, List<String>> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        for (Header header : response.getHeaders()) {
            headers.computeIfAbsent(header.getName(), name -> new ArrayList<>()).add(header.getValue());
        }
        HttpEntity entity = response.getEntity();
        String body = entity == null ? "" : new String(EntityUtils.toByteArray(entity), charset(entity));
        return new HttpAnswer(response.getCode(), HttpHeaders.of(headers, (name, value) -> true), body, elapsed(started));
    }

    /**
     * The failure's kind, and the system's words where they cannot carry the address ("Connection refused",
     * "Connection reset"): the client's own messages name the host and port, and the user's URL stays out of
     * messages.
     */
    private static String describe(IOException e) {
        if (e instanceof HttpHostConnectException) {
            // "Connect to http://host:port [/address] failed: Connection refused": only the system's reason stays.
            String message = e.getCause() != null ? e.getCause().getMessage() : e.getMessage();
            int reason = message == null ? -1 : message.lastIndexOf("failed: ");
            return "ConnectException" + (message == null ? "" : " " + (reason < 0 ? message : message.substring(reason + 8)));
        }
        String kind = e.getClass().getSimpleName();
        if (e instanceof SocketException && e.getMessage() != null) {
            return kind + " " + e.getMessage();
        }
        if (e instanceof NoHttpResponseException) {
            return kind + " (the receiver closed the connection without an answer)";
        }
        return kind;
    }

    /** UTF-8 unless the answer names a charset Java knows, as the JDK client's BodyHandlers.ofString() read it. */
    private static Charset charset(HttpEntity entity) {
        try {
            ContentType type = ContentType.parseLenient(entity.getContentType());
            return type != null && type.getCharset() != null ? type.getCharset() : StandardCharsets.UTF_8;
        } catch (RuntimeException unreadable) {
            return StandardCharsets.UTF_8;
        }
    }

    private static SSLContext defaultTls() {
        try {
            return SSLContext.getDefault(); // the JVM's trust store and javax.net.ssl.* settings, as before
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("no default TLS context", e);
        }
    }

    private SendResult timedOut(long started) {
        return SendResult.noAnswer(Outcome.RETRY, "no complete answer from " + displayName + " within "
                + timeout.toMillis() / 1000.0 + " s", elapsed(started));
    }

    private static long elapsed(long started) {
        return (System.nanoTime() - started) / 1_000_000;
    }
}
