package app.ascend.notify;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import app.ascend.notify.support.ApiClient;
import app.ascend.notify.support.ApiResponse;
import app.ascend.notify.support.ApiTest;
import app.ascend.notify.support.Channels;
import app.ascend.notify.support.PageBodies;
import app.ascend.notify.support.PostgresAvailableCondition;
import app.ascend.notify.support.TestDatabase;
import tools.jackson.databind.JsonNode;

/**
 * A restart keeps the channels and the signed-in session: the service is started twice on the same
 * durable database (an H2 file, or a PostgreSQL schema) and data dir (so the same secret key), and
 * the browser that signed in before the restart carries on with its cookie.
 */
@ExtendWith(PostgresAvailableCondition.class)
class ServiceRestartIT {

    @TempDir
    Path dataDir;

    @Test
    void aRestartKeepsChannelsAndTheSignedInSession() {
        String databaseUrl = TestDatabase.newDurableDatabaseUrl(dataDir);
        ApiClient browser;
        JsonNode pageChannel;
        JsonNode keyedChannel;
        try (ConfigurableApplicationContext service = start(databaseUrl)) {
            browser = new ApiClient(baseUrl(service));
            ApiResponse login = browser.login(ApiTest.ROOT_EMAIL, ApiTest.ROOT_PASSWORD);
            assertThat(login.status()).as(login.body()).isEqualTo(200);
            pageChannel = Channels.create(browser, PageBodies.SECURITY_CHANNEL);
            keyedChannel = Channels.create(browser, Channels.pagerDuty("Keyed", Channels.newRoutingKey()));
        }

        try (ConfigurableApplicationContext restarted = start(databaseUrl)) {
            ApiClient sameBrowser = browser.at(baseUrl(restarted));

            ApiResponse me = sameBrowser.get("/api/auth/me");
            ApiResponse page = sameBrowser.get(Channels.PAGE_PATH + "/" + pageChannel.get("id").stringValue());
            ApiResponse keyed = sameBrowser.get(Channels.PATH + "/" + keyedChannel.get("id").stringValue());

            assertThat(me.status()).as("still signed in: " + me).isEqualTo(200);
            assertThat(me.json().get("user").get("email").stringValue()).isEqualTo(ApiTest.ROOT_EMAIL);
            assertThat(page.status()).as(page.body()).isEqualTo(200);
            assertThat(page.json()).isEqualTo(pageChannel);
            assertThat(keyed.json().get("config").get("integration_key")).isEqualTo(keyedChannel.get("config").get("integration_key"));
            assertThat(keyed.json()).isEqualTo(keyedChannel);
            assertThat(sameBrowser.patch(Channels.PATH + "/" + keyedChannel.get("id").stringValue(), Map.of("name", "Still mine"))
                    .status()).isEqualTo(200);
        }
    }

    /** The whole service, as {@code java -jar} would run it; command-line arguments outrank application.properties. */
    private ConfigurableApplicationContext start(String databaseUrl) {
        return new SpringApplicationBuilder(AscendNotifyApplication.class).run(
                "--server.port=0",
                "--spring.datasource.url=" + databaseUrl,
                "--spring.datasource.username=" + TestDatabase.username(),
                "--spring.datasource.password=",
                "--ascend.data-dir=" + dataDir,
                "--ascend.bootstrap.admin-email=" + ApiTest.ROOT_EMAIL,
                "--ascend.bootstrap.admin-password=" + ApiTest.ROOT_PASSWORD);
    }

    private static String baseUrl(ConfigurableApplicationContext service) {
        return "http://127.0.0.1:" + service.getEnvironment().getProperty("local.server.port");
    }
}
