package app.ascend.notify.security;

import java.util.List;
import java.util.Map;

import app.ascend.notify.support.ApiClient;
import app.ascend.notify.support.ApiResponse;

/** An {@link ApiClient} that keeps every answer it got, for searching them afterwards. */
final class RecordingApiClient extends ApiClient {
    /** One request's line and its answer. */
    record Recorded(String request, ApiResponse answer) {
    }

    private final List<Recorded> sink;

    RecordingApiClient(String baseUrl, List<Recorded> sink) {
        super(baseUrl);
        this.sink = sink;
    }

    @Override
    public ApiResponse send(String method, String path, String contentType, String body, Map<String, String> headers) {
        ApiResponse answer = super.send(method, path, contentType, body, headers);
        sink.add(new Recorded(method + " " + path, answer));
        return answer;
    }

    @Override
    public ApiResponse sendChunked(String method, String path, String contentType, String body) {
        ApiResponse answer = super.sendChunked(method, path, contentType, body);
        sink.add(new Recorded(method + " " + path + " (chunked)", answer));
        return answer;
    }
}
