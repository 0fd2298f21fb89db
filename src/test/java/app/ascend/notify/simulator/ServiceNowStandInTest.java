package app.ascend.notify.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Base64;
import java.util.Map;

import org.junit.jupiter.api.Test;

import tools.jackson.databind.JsonNode;

/**
 * The ServiceNow stand-in answers as FACTS.md describes ServiceNow: writes need Accept and Content-Type, values
 * come back as strings with priority derived from impact × urgency, a lookup with no match is 200 with an empty
 * list and ignores query parts on unknown fields, an unknown sys_id is 404, bad credentials are 401 with
 * ServiceNow's error body, and a data policy can refuse a resolve without a Resolution code and notes.
 */
class ServiceNowStandInTest {
    private static final String BASIC = "Basic " + Base64.getEncoder().encodeToString("u:p".getBytes(StandardCharsets.UTF_8));
    private final ServiceNowStandIn standIn = new ServiceNowStandIn(Clock.systemUTC());

    @Test
    void aCreateAnswers201WithStringValuesAndADerivedPriority() {
        ServiceNowStandIn.Answer answer = write("POST", ServiceNowStandIn.TABLE,
                "{\"short_description\":\"x\",\"impact\":\"1\",\"urgency\":\"2\",\"correlation_id\":\"k1\"}");

        assertThat(answer.status()).isEqualTo(201);
        JsonNode result = json(answer).get("result");
        assertThat(result.get("sys_id").stringValue()).matches("[0-9a-f]{32}");
        assertThat(result.get("number").stringValue()).startsWith("INC");
        assertThat(result.get("priority").stringValue()).isEqualTo("2");
        assertThat(result.get("active").stringValue()).isEqualTo("true");
        assertThat(answer.headers().get("Location")).endsWith(result.get("sys_id").stringValue());
    }

    @Test
    void aWriteWithoutAcceptIs400() {
        ServiceNowStandIn.Answer answer = standIn.handle("dev", "POST", ServiceNowStandIn.TABLE, null,
                Map.of("authorization", BASIC, "content-type", "application/json"), "{}".getBytes(StandardCharsets.UTF_8));

        assertThat(answer.status()).isEqualTo(400);
        assertThat(standIn.incidents("dev")).isEmpty();
    }

    @Test
    void aLookupIgnoresUnknownFieldsAndAnswersAnEmptyListForNoMatch() {
        write("POST", ServiceNowStandIn.TABLE, "{\"correlation_id\":\"k1\"}");

        assertThat(json(lookup("correlation_id%3Dk2")).get("result")).isEmpty();
        assertThat(json(lookup("correlation_id%3Dk1%5Eactive%3Dtrue")).get("result")).hasSize(1);
        // A misspelt field is ignored, as ServiceNow does by default (FACTS.md §2): it matches every incident.
        assertThat(json(lookup("corelation_id%3Dk2")).get("result")).hasSize(1);
    }

    @Test
    void anUnknownSysIdIs404AndBadCredentialsAre401() {
        assertThat(write("PATCH", ServiceNowStandIn.TABLE + "/" + "0".repeat(32), "{\"state\":\"6\"}").status())
                .isEqualTo(404);
        standIn.requireBasic("dev", "ascend", "secret");
        ServiceNowStandIn.Answer refused = write("POST", ServiceNowStandIn.TABLE, "{}");
        assertThat(refused.status()).isEqualTo(401);
        assertThat(refused.headers().get("WWW-Authenticate")).isEqualTo("Basic realm=\"Service-now\"");
        assertThat(json(refused).get("error").get("message").stringValue()).isEqualTo("User Not Authenticated");
    }

    @Test
    void aDataPolicyRefusesAResolveWithoutCloseFields() {
        String sysId = json(write("POST", ServiceNowStandIn.TABLE, "{}")).get("result").get("sys_id").stringValue();
        standIn.setRequireCloseFields("dev", true);

        assertThat(write("PATCH", ServiceNowStandIn.TABLE + "/" + sysId, "{\"state\":\"6\"}").status()).isEqualTo(403);
        assertThat(write("PATCH", ServiceNowStandIn.TABLE + "/" + sysId,
                "{\"state\":\"6\",\"close_code\":\"Solution provided\",\"close_notes\":\"done\"}").status()).isEqualTo(200);
        assertThat(standIn.incidents("dev").get(0).get("state").stringValue()).isEqualTo("6");
    }

    private ServiceNowStandIn.Answer write(String method, String path, String body) {
        return standIn.handle("dev", method, path, null, Map.of("authorization", BASIC, "accept", "application/json",
                "content-type", "application/json"), body.getBytes(StandardCharsets.UTF_8));
    }

    private ServiceNowStandIn.Answer lookup(String encodedQuery) {
        return standIn.handle("dev", "GET", ServiceNowStandIn.TABLE, "sysparm_query=" + encodedQuery + "&sysparm_limit=1",
                Map.of("authorization", BASIC), new byte[0]);
    }

    private static JsonNode json(ServiceNowStandIn.Answer answer) {
        return ServiceNowStandIn.JSON.readTree(answer.body());
    }
}
