package app.ascend.notify.support;

import static org.assertj.core.api.Assertions.assertThat;

/** Assertions on RFC 9457 {@code application/problem+json} answers. */
public final class Problems {
    private Problems() {
    }

    /** The answer is a problem with this status (in both the HTTP status line and the body). */
    public static ApiResponse assertProblem(ApiResponse response, int status) {
        assertThat(response.status()).as(response.toString()).isEqualTo(status);
        assertThat(response.isProblem()).as("problem+json: " + response.contentType() + " " + response.body()).isTrue();
        assertThat(response.json().get("status").asInt()).as(response.toString()).isEqualTo(status);
        return response;
    }

    /** A 400 problem whose {@code errors} name {@code field}; returns that field's message. */
    public static String assertInvalidField(ApiResponse response, String field) {
        assertProblem(response, 400);
        assertThat(response.fieldErrors()).as(response.body()).containsKey(field);
        return response.fieldErrors().get(field);
    }
}
