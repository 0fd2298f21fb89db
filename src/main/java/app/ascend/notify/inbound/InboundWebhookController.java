package app.ascend.notify.inbound;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /api/webhooks/{type}/{channel_id}}: the one route reachable without a session or API key.
 * Only a delivery whose signature verifies with the channel's secret gets past the first check; the raw
 * body is read (bounded) and handed over unparsed, since the signature covers its exact bytes.
 */
@RestController
class InboundWebhookController {
    private final InboundWebhookReceiver receiver;

    InboundWebhookController(InboundWebhookReceiver receiver) {
        this.receiver = receiver;
    }

    @PostMapping("/api/webhooks/{type}/{channelId}")
    ResponseEntity<?> receive(@PathVariable String type, @PathVariable String channelId, HttpServletRequest request)
            throws IOException {
        int max = receiver.maxBodyBytes(type);
        byte[] body = readAtMost(request.getInputStream(), max + 1);
        if (body.length > max) {
            ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONTENT_TOO_LARGE,
                    "The body is larger than " + max + " bytes, more than the sender ever sends.");
            return ResponseEntity.status(HttpStatus.CONTENT_TOO_LARGE).contentType(MediaType.APPLICATION_PROBLEM_JSON)
                    .body(problem);
        }
        InboundWebhookReceiver.Answer answer = receiver.receive(type, channelId, headers(request), body);
        Map<String, Object> shown = new LinkedHashMap<>();
        shown.put("status", answer.status());
        if (answer.id() != null) {
            shown.put("id", answer.id());
        }
        shown.put("detail", answer.detail());
        return ResponseEntity.status(answer.httpStatus()).contentType(MediaType.APPLICATION_JSON).body(shown);
    }

    private static byte[] readAtMost(InputStream in, int limit) throws IOException {
        return in.readNBytes(limit);
    }

    private static Map<String, List<String>> headers(HttpServletRequest request) {
        Map<String, List<String>> headers = new LinkedHashMap<>();
        for (String name : Collections.list(request.getHeaderNames())) {
            headers.computeIfAbsent(name.toLowerCase(Locale.ROOT), k -> new ArrayList<>())
                    .addAll(Collections.list(request.getHeaders(name)));
        }
        return headers;
    }
}
