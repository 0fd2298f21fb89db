package app.ascend.notify.outbound;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import app.ascend.notify.channel.spi.SendResult;
import app.ascend.notify.channel.spi.SendResult.Outcome;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

/**
 * What the shared sender puts on the wire and reads back, against a real socket that answers (or fails to) the
 * way a receiver can: the request exactly as the channel built it, the answer read whole in its own charset, a
 * POST the receiver dropped never sent again by the client (a page is retried only by the outbox, under its
 * dedup key), and failures described without the destination's address.
 */
class HttpSenderExchangeTest {
    private static final Duration TIMEOUT = Duration.ofSeconds(5);
    private static final Function<HttpAnswer, SendResult> READ = answer -> new SendResult(
            answer.success() ? Outcome.DELIVERED : Outcome.REJECTED, answer.status(), answer.body(), List.of(), null,
            answer.latencyMillis(), answer.body());

    private final HttpSender sender = new HttpSender("webhook", "Webhook", TIMEOUT, null,
            new NotifierMetrics(new SimpleMeterRegistry()));
    private RawReceiver receiver;

    @AfterEach
    void stop() throws IOException {
        if (receiver != null) {
            receiver.close();
        }
    }

    @Test
    void theRequestCarriesTheChannelsHeadersAndBodyAndNothingElseOfNote() throws Exception {
        receiver = RawReceiver.answering("HTTP/1.1 202 Accepted\r\nContent-Type: application/json\r\n"
                + "Content-Length: 20\r\n\r\n{\"status\":\"success\"}");

        SendResult result = sender.post(receiver.uri("/v2/enqueue"), Map.of("Content-Type", "application/json",
                "X-Custom", "yes"), "{\"a\":1}".getBytes(StandardCharsets.UTF_8), READ);

        assertThat(result.outcome()).isEqualTo(Outcome.DELIVERED);
        assertThat(result.httpStatus()).isEqualTo(202);
        String request = receiver.requests().get(0);
        assertThat(request).startsWith("POST /v2/enqueue HTTP/1.1\r\n");
        assertThat(request).containsIgnoringCase("content-type: application/json\r\n")
                .containsIgnoringCase("x-custom: yes\r\n").containsIgnoringCase("user-agent: ascend-notify\r\n")
                .containsIgnoringCase("content-length: 7\r\n").endsWith("\r\n\r\n{\"a\":1}");
        // No offer to upgrade to TLS, no compression asked for, no cookies: the receiver sees what the channel sent.
        assertThat(request.toLowerCase()).doesNotContain("upgrade:").doesNotContain("accept-encoding:")
                .doesNotContain("cookie");
    }

    @Test
    void theAnswerIsReadInTheCharsetItNames() throws Exception {
        byte[] latin1 = "déjà vu".getBytes(StandardCharsets.ISO_8859_1);
        receiver = RawReceiver.answering(("HTTP/1.1 400 Bad Request\r\nContent-Type: text/plain; charset=ISO-8859-1\r\n"
                + "Retry-After: 7\r\nContent-Length: " + latin1.length + "\r\n\r\n"), latin1);

        List<HttpAnswer> answers = new CopyOnWriteArrayList<>();
        sender.post(receiver.uri("/"), Map.of(), new byte[0], answer -> {
            answers.add(answer);
            return READ.apply(answer);
        });

        HttpAnswer answer = answers.get(0);
        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.body()).isEqualTo("déjà vu");
        assertThat(answer.headers().firstValue("retry-after")).contains("7"); // header names in any case
    }

    @Test
    void aPostTheReceiverDroppedIsARetryAndWasSentOnce() throws Exception {
        receiver = RawReceiver.closingWithoutAnswer();

        SendResult result = sender.post(receiver.uri("/hook"), Map.of(), "{}".getBytes(StandardCharsets.UTF_8), READ);

        assertThat(result.outcome()).isEqualTo(Outcome.RETRY);
        assertThat(result.message()).startsWith("connection to Webhook failed: ");
        assertThat(receiver.requests()).hasSize(1);
    }

    @Test
    void aRefusedConnectionIsARetryWhoseMessageCarriesNoAddress() throws Exception {
        int closedPort;
        try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closedPort = probe.getLocalPort();
        }

        SendResult result = sender.post(URI.create("http://127.0.0.1:" + closedPort + "/secret-path"), Map.of(),
                new byte[0], READ);

        assertThat(result.outcome()).isEqualTo(Outcome.RETRY);
        assertThat(result.message()).isEqualTo("connection to Webhook failed: ConnectException Connection refused");
    }

    /** A receiver on a real socket: reads each request whole, then answers with fixed bytes or closes. */
    private static final class RawReceiver implements AutoCloseable {
        private final ServerSocket socket;
        private final List<String> requests = new CopyOnWriteArrayList<>();
        private final byte[] answer;

        private RawReceiver(byte[] answer) throws IOException {
            this.answer = answer;
            this.socket = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
            Thread accepting = new Thread(this::serve, "raw-receiver");
            accepting.setDaemon(true);
            accepting.start();
        }

        static RawReceiver answering(String head, byte[] body) throws IOException {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            bytes.writeBytes(head.getBytes(StandardCharsets.ISO_8859_1));
            bytes.writeBytes(body);
            return new RawReceiver(bytes.toByteArray());
        }

        static RawReceiver answering(String whole) throws IOException {
            return answering(whole, new byte[0]);
        }

        static RawReceiver closingWithoutAnswer() throws IOException {
            return new RawReceiver(null);
        }

        URI uri(String path) {
            return URI.create("http://127.0.0.1:" + socket.getLocalPort() + path);
        }

        List<String> requests() {
            return requests;
        }

        private void serve() {
            while (!socket.isClosed()) {
                try (Socket connection = socket.accept()) {
                    InputStream in = connection.getInputStream();
                    while (true) {
                        String request = readRequest(in);
                        if (request == null) {
                            break;
                        }
                        requests.add(request);
                        if (answer == null) {
                            break; // drop the connection without a byte of answer
                        }
                        OutputStream out = connection.getOutputStream();
                        out.write(answer);
                        out.flush();
                    }
                } catch (IOException closed) {
                    // the test ended, or the client went away
                }
            }
        }

        /** The head up to the blank line, then Content-Length bytes of body; null at the end of the stream. */
        private static String readRequest(InputStream in) throws IOException {
            ByteArrayOutputStream head = new ByteArrayOutputStream();
            int b;
            while ((b = in.read()) != -1) {
                head.write(b);
                byte[] h = head.toByteArray();
                int n = h.length;
                if (n >= 4 && h[n - 4] == '\r' && h[n - 3] == '\n' && h[n - 2] == '\r' && h[n - 1] == '\n') {
                    break;
                }
            }
            if (b == -1) {
                return null;
            }
            String text = head.toString(StandardCharsets.ISO_8859_1);
            int length = 0;
            for (String line : text.split("\r\n")) {
                if (line.toLowerCase().startsWith("content-length:")) {
                    length = Integer.parseInt(line.substring(line.indexOf(':') + 1).trim());
                }
            }
            return text + new String(in.readNBytes(length), StandardCharsets.UTF_8);
        }

        @Override
        public void close() throws IOException {
            socket.close();
        }
    }
}
