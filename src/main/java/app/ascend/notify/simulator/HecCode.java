package app.ascend.notify.simulator;

/**
 * HEC's answer codes with their HTTP status and text, as the status-code table of "Troubleshoot HTTP Event Collector"
 * (https://docs.splunk.com/Documentation/Splunk/latest/Data/TroubleshootHTTPEventCollector) lists them, read through
 * two agreeing copies (shared/reference/splunk-hec/FACTS.md §5).
 */
enum HecCode {
    SUCCESS(0, 200, "Success"),
    TOKEN_DISABLED(1, 403, "Token disabled"),
    TOKEN_REQUIRED(2, 401, "Token is required"),
    INVALID_AUTHORIZATION(3, 401, "Invalid authorization"),
    INVALID_TOKEN(4, 403, "Invalid token"),
    NO_DATA(5, 400, "No data"),
    INVALID_DATA_FORMAT(6, 400, "Invalid data format"),
    INCORRECT_INDEX(7, 400, "Incorrect index"),
    INTERNAL_ERROR(8, 500, "Internal server error"),
    SERVER_BUSY(9, 503, "Server is busy"),
    DATA_CHANNEL_MISSING(10, 400, "Data channel is missing"),
    INVALID_DATA_CHANNEL(11, 400, "Invalid data channel"),
    EVENT_REQUIRED(12, 400, "Event field is required"),
    EVENT_BLANK(13, 400, "Event field cannot be blank"),
    ACK_DISABLED(14, 400, "ACK is disabled"),
    INDEXED_FIELDS(15, 400, "Error in handling indexed fields"),
    QUERY_STRING_AUTH(16, 400, "Query string authorization is not enabled"),
    HEALTHY(17, 200, "HEC is healthy"),
    UNHEALTHY_QUEUES_FULL(18, 503, "HEC is unhealthy, queues are full");

    final int code;
    final int status;
    final String text;

    HecCode(int code, int status, String text) {
        this.code = code;
        this.status = status;
        this.text = text;
    }

    static HecCode of(int code) {
        for (HecCode c : values()) {
            if (c.code == code) {
                return c;
            }
        }
        throw new IllegalArgumentException("'code' must be a HEC code 0 to 18, was " + code);
    }
}
