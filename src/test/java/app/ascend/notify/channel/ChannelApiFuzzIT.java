package app.ascend.notify.channel;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;

import app.ascend.notify.support.ApiClient;
import app.ascend.notify.support.ApiResponse;
import app.ascend.notify.support.Channels;
import app.ascend.notify.support.fuzz.Doc;
import app.ascend.notify.support.fuzz.FuzzRun;
import app.ascend.notify.support.fuzz.FuzzTest;
import app.ascend.notify.support.fuzz.Fuzzer;
import app.ascend.notify.support.fuzz.RawHttp;
import app.ascend.notify.support.fuzz.Templates;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The channels API under hostile input ({@code POST}, {@code PATCH}, {@code PUT}): never a 5xx, a 4xx is
 * problem+json and changes nothing (no channel created; the channel reads back as before), a 2xx
 * answers what a read then shows, and the service still delivers afterwards.
 */
class ChannelApiFuzzIT extends FuzzTest {

    @Test
    void creatingNeverAnswers5xxAndARejectedChannelIsNotCreated() {
        ApiClient admin = newTenant().admin();
        RawHttp http = raw(admin);
        FuzzRun run = new FuzzRun("POST " + Channels.PATH);

        run.forEachCase(i -> {
            Random r = run.random(i);
            Fuzzer fuzzer = new Fuzzer(r, Templates.CHANNEL_FIELDS);
            Object document = fuzzer.mutate(Templates.channel(r, "Fuzzed " + i), fuzzer.mutationCount());
            ApiResponse answer = run.send(i, http, "POST", Channels.PATH, fuzzer.contentType(), fuzzer.body(document));
            if (answer != null && answer.status() == 201) {
                String path = Channels.PATH + "/" + answer.json().get("id").stringValue();
                assertThat(stable(admin.get(path).json())).as("the channel as read").isEqualTo(stable(answer.json()));
                assertThat(admin.delete(path).status()).isEqualTo(204); // keeps the organization small
            }
        });

        run.assertNoFailures();
        assertThat(admin.get(Channels.PATH).itemIds()).as("channels left").isEmpty();
        assertServiceHealthy();
    }

    /** Webhook channels: the same properties, and the generated secret is in the 201 only (masked in every read). */
    @Test
    void creatingWebhookChannelsNeverAnswers5xxAndTheSecretIsShownOnlyInThe201() {
        ApiClient admin = newTenant().admin();
        RawHttp http = raw(admin);
        FuzzRun run = new FuzzRun("POST " + Channels.PATH + " (webhook)");

        run.forEachCase(i -> {
            Random r = run.random(i);
            Fuzzer fuzzer = new Fuzzer(r, Templates.WEBHOOK_CHANNEL_FIELDS);
            Object document = fuzzer.mutate(Templates.webhookChannel(r, "Fuzzed " + i), fuzzer.mutationCount());
            ApiResponse answer = run.send(i, http, "POST", Channels.PATH, fuzzer.contentType(), fuzzer.body(document));
            if (answer != null && answer.status() == 201) {
                String path = Channels.PATH + "/" + answer.json().get("id").stringValue();
                ObjectNode shown = (ObjectNode) answer.json().deepCopy();
                String secret = shown.get("config").get("secret").stringValue();
                ((ObjectNode) shown.get("config")).put("secret", "whsec_****" + secret.substring(secret.length() - 4));
                ApiResponse read = admin.get(path);
                assertThat(stable(read.json())).as("the channel as read: as created, secret masked").isEqualTo(shown);
                assertThat(read.body()).doesNotContain(secret);
                assertThat(admin.delete(path).status()).isEqualTo(204);
            }
        });

        run.assertNoFailures();
        assertThat(admin.get(Channels.PATH).itemIds()).as("channels left").isEmpty();
        assertServiceHealthy();
    }

    /** Teams channels: never a 5xx, and the webhook URL (a secret) is in no answer, masked to its host. */
    @Test
    void creatingAndPatchingTeamsChannelsNeverAnswers5xxAndNeverShowsTheUrl() {
        ApiClient admin = newTenant().admin();
        RawHttp http = raw(admin);
        FuzzRun run = new FuzzRun("POST and PATCH " + Channels.PATH + " (teams)");

        run.forEachCase(i -> {
            Random r = run.random(i);
            Fuzzer fuzzer = new Fuzzer(r, Templates.TEAMS_CHANNEL_FIELDS);
            Object document = fuzzer.mutate(Templates.teamsChannel(r, "Fuzzed " + i), fuzzer.mutationCount());
            ApiResponse answer = run.send(i, http, "POST", Channels.PATH, fuzzer.contentType(), fuzzer.body(document));
            if (answer != null && answer.status() == 201) {
                String path = Channels.PATH + "/" + answer.json().get("id").stringValue();
                assertThat(answer.body()).doesNotContain("/workflows/").doesNotContain("sig=");
                JsonNode before = stable(admin.get(path).json());
                assertThat(before).as("the channel as read: as created").isEqualTo(stable(answer.json()));
                Object patch = fuzzer.mutate(Templates.teamsChannelPatch(r), fuzzer.mutationCount());
                ApiResponse patched = run.send(i, http, "PATCH", path, fuzzer.contentType(), fuzzer.body(patch));
                if (patched != null && patched.status() < 500) {
                    JsonNode after = stable(admin.get(path).json());
                    assertThat(after).as("the channel after a " + patched.status())
                            .isEqualTo(patched.status() == 200 ? patched.json() : before);
                    assertThat(after.toString()).doesNotContain("/workflows/").doesNotContain("sig=");
                }
                assertThat(admin.delete(path).status()).isEqualTo(204);
            }
        });

        run.assertNoFailures();
        assertThat(admin.get(Channels.PATH).itemIds()).as("channels left").isEmpty();
        assertServiceHealthy();
    }

    /** ServiceNow channels, both ways to sign in: never a 5xx, and the password or client secret is in no answer. */
    @Test
    void creatingAndPatchingServiceNowChannelsNeverAnswers5xxAndNeverShowsTheSecrets() {
        ApiClient admin = newTenant().admin();
        RawHttp http = raw(admin);
        FuzzRun run = new FuzzRun("POST and PATCH " + Channels.PATH + " (servicenow)");

        run.forEachCase(i -> {
            Random r = run.random(i);
            Fuzzer fuzzer = new Fuzzer(r, Templates.SERVICENOW_CHANNEL_FIELDS);
            Object document = fuzzer.mutate(Templates.serviceNowChannel(r, "Fuzzed " + i), fuzzer.mutationCount());
            ApiResponse answer = run.send(i, http, "POST", Channels.PATH, fuzzer.contentType(), fuzzer.body(document));
            if (answer != null && answer.status() == 201) {
                String path = Channels.PATH + "/" + answer.json().get("id").stringValue();
                assertSecretsMasked(answer.json());
                JsonNode before = stable(admin.get(path).json());
                assertThat(before).as("the channel as read: as created").isEqualTo(stable(answer.json()));
                Object patch = fuzzer.mutate(Templates.serviceNowChannelPatch(r), fuzzer.mutationCount());
                ApiResponse patched = run.send(i, http, "PATCH", path, fuzzer.contentType(), fuzzer.body(patch));
                if (patched != null && patched.status() < 500) {
                    JsonNode after = stable(admin.get(path).json());
                    assertThat(after).as("the channel after a " + patched.status())
                            .isEqualTo(patched.status() == 200 ? patched.json() : before);
                    assertSecretsMasked(after);
                }
                assertThat(admin.delete(path).status()).isEqualTo(204);
            }
        });

        run.assertNoFailures();
        assertThat(admin.get(Channels.PATH).itemIds()).as("channels left").isEmpty();
        assertServiceHealthy();
    }

    /** A ServiceNow channel as answered: its password or client secret only as {@code ****…}. */
    private static void assertSecretsMasked(JsonNode channel) {
        JsonNode config = channel.get("config");
        for (String secret : List.of("password", "client_secret")) {
            if (config.hasNonNull(secret)) {
                assertThat(config.get(secret).stringValue()).as(secret).startsWith("****");
            }
        }
    }

    /** Splunk HEC channels: never a 5xx, and the token (a GUID, a secret) is in no answer, only masked. */
    @Test
    void creatingAndPatchingSplunkHecChannelsNeverAnswers5xxAndNeverShowsTheToken() {
        ApiClient admin = newTenant().admin();
        RawHttp http = raw(admin);
        FuzzRun run = new FuzzRun("POST and PATCH " + Channels.PATH + " (splunk_hec)");
        java.util.regex.Pattern guid = java.util.regex.Pattern.compile("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-"
                + "[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");

        run.forEachCase(i -> {
            Random r = run.random(i);
            Fuzzer fuzzer = new Fuzzer(r, Templates.SPLUNK_HEC_CHANNEL_FIELDS);
            Object document = fuzzer.mutate(Templates.splunkHecChannel(r, "Fuzzed " + i), fuzzer.mutationCount());
            ApiResponse answer = run.send(i, http, "POST", Channels.PATH, fuzzer.contentType(), fuzzer.body(document));
            if (answer != null && answer.status() == 201) {
                String path = Channels.PATH + "/" + answer.json().get("id").stringValue();
                assertThat(guid.matcher(answer.body()).find()).as("a token in %s", answer.body()).isFalse();
                JsonNode before = stable(admin.get(path).json());
                assertThat(before).as("the channel as read: as created").isEqualTo(stable(answer.json()));
                Object patch = fuzzer.mutate(Templates.splunkHecChannelPatch(r), fuzzer.mutationCount());
                ApiResponse patched = run.send(i, http, "PATCH", path, fuzzer.contentType(), fuzzer.body(patch));
                if (patched != null && patched.status() < 500) {
                    JsonNode after = stable(admin.get(path).json());
                    assertThat(after).as("the channel after a " + patched.status())
                            .isEqualTo(patched.status() == 200 ? patched.json() : before);
                    assertThat(guid.matcher(after.toString()).find()).as("a token in %s", after).isFalse();
                }
                assertThat(admin.delete(path).status()).isEqualTo(204);
            }
        });

        run.assertNoFailures();
        assertThat(admin.get(Channels.PATH).itemIds()).as("channels left").isEmpty();
        assertServiceHealthy();
    }

    /** Slack channels, both modes: never a 5xx, and the bot token and webhook URL are never in an answer. */
    @Test
    void creatingSlackChannelsNeverAnswers5xxAndTheirSecretsAreNeverShown() {
        ApiClient admin = newTenant().admin();
        RawHttp http = raw(admin);
        FuzzRun run = new FuzzRun("POST " + Channels.PATH + " (slack)");

        run.forEachCase(i -> {
            Random r = run.random(i);
            Fuzzer fuzzer = new Fuzzer(r, Templates.SLACK_CHANNEL_FIELDS);
            Object document = fuzzer.mutate(Templates.slackChannel(r, "Fuzzed " + i), fuzzer.mutationCount());
            ApiResponse answer = run.send(i, http, "POST", Channels.PATH, fuzzer.contentType(), fuzzer.body(document));
            if (answer != null && answer.status() == 201) {
                String path = Channels.PATH + "/" + answer.json().get("id").stringValue();
                assertThat(stable(admin.get(path).json())).as("the channel as read").isEqualTo(stable(answer.json()));
                JsonNode config = answer.json().get("config");
                if (config.has("bot_token")) {
                    assertThat(config.get("bot_token").stringValue()).as("the bot token, masked").startsWith("****");
                } else {
                    assertThat(config.get("webhook_url").stringValue()).as("the webhook URL, masked").endsWith("/…");
                }
                assertThat(admin.delete(path).status()).isEqualTo(204);
            }
        });

        run.assertNoFailures();
        assertThat(admin.get(Channels.PATH).itemIds()).as("channels left").isEmpty();
        assertServiceHealthy();
    }

    @Test
    void patchingASlackChannelNeverAnswers5xxAndARejectedPatchChangesNothing() {
        fuzzChanges("PATCH", "slack");
    }

    @Test
    void replacingASlackChannelNeverAnswers5xxAndARejectedReplacementChangesNothing() {
        fuzzChanges("PUT", "slack");
    }

    @Test
    void patchingNeverAnswers5xxAndARejectedPatchChangesNothing() {
        fuzzChanges("PATCH", false);
    }

    @Test
    void replacingNeverAnswers5xxAndARejectedReplacementChangesNothing() {
        fuzzChanges("PUT", false);
    }

    @Test
    void patchingAWebhookChannelNeverAnswers5xxAndARejectedPatchChangesNothing() {
        fuzzChanges("PATCH", true);
    }

    @Test
    void replacingAWebhookChannelNeverAnswers5xxAndARejectedReplacementChangesNothing() {
        fuzzChanges("PUT", true);
    }

    private void fuzzChanges(String method, boolean webhook) {
        fuzzChanges(method, webhook ? "webhook" : "pagerduty");
    }

    private void fuzzChanges(String method, String type) {
        boolean webhook = type.equals("webhook");
        boolean slack = type.equals("slack");
        ApiClient admin = newTenant().admin();
        RawHttp http = raw(admin);
        Object target = webhook ? Templates.webhookChannel(new Random(1), "Target")
                : slack ? Templates.slackChannel(new Random(1), "Target") : Templates.channel(new Random(1), "Target");
        String path = Channels.PATH + "/" + Channels.create(admin, Doc.write(target)).get("id").stringValue();
        FuzzRun run = new FuzzRun(method + " " + Channels.PATH + "/{id}" + (webhook || slack ? " (" + type + ")" : ""));
        JsonNode[] current = {stable(admin.get(path).json())};

        run.forEachCase(i -> {
            Random r = run.random(i);
            Fuzzer fuzzer = new Fuzzer(r, webhook ? Templates.WEBHOOK_CHANNEL_FIELDS
                    : slack ? Templates.SLACK_CHANNEL_FIELDS : Templates.CHANNEL_FIELDS);
            Object template = webhook
                    ? method.equals("PATCH") ? Templates.webhookChannelPatch(r) : Templates.webhookChannel(r, "Replaced " + i)
                    : slack ? method.equals("PATCH") ? Templates.slackChannelPatch(r) : Templates.slackChannel(r, "Replaced " + i)
                    : method.equals("PATCH") ? Templates.channelPatch(r) : Templates.channel(r, "Replaced " + i);
            Object document = fuzzer.mutate(template, fuzzer.mutationCount());
            String contentType = method.equals("PATCH") && r.nextInt(4) == 0 ? "application/merge-patch+json"
                    : fuzzer.contentType();
            ApiResponse answer = run.send(i, http, method, path, contentType, fuzzer.body(document));
            if (answer == null || answer.status() >= 500) {
                current[0] = stable(admin.get(path).json());
                return;
            }
            JsonNode after = stable(admin.get(path).json());
            if (answer.status() == 200) {
                assertThat(after).as("the channel as read after a 200").isEqualTo(stable(answer.json()));
            } else {
                assertThat(after).as("the channel after a " + answer.status()).isEqualTo(current[0]);
            }
            current[0] = after;
        });

        run.assertNoFailures();
        assertThat(admin.get(Channels.PATH).itemIds()).as("channels").hasSize(1);
        assertServiceHealthy();
    }

    /** Syslog channels: never a 5xx; as read is as created (or as patched), and a refused patch changes nothing. */
    @Test
    void creatingAndPatchingSyslogChannelsNeverAnswers5xx() {
        ApiClient admin = newTenant().admin();
        RawHttp http = raw(admin);
        FuzzRun run = new FuzzRun("POST and PATCH " + Channels.PATH + " (syslog)");

        run.forEachCase(i -> {
            Random r = run.random(i);
            Fuzzer fuzzer = new Fuzzer(r, Templates.SYSLOG_CHANNEL_FIELDS);
            Object document = fuzzer.mutate(Templates.syslogChannel(r, "Fuzzed " + i), fuzzer.mutationCount());
            ApiResponse answer = run.send(i, http, "POST", Channels.PATH, fuzzer.contentType(), fuzzer.body(document));
            if (answer != null && answer.status() == 201) {
                String path = Channels.PATH + "/" + answer.json().get("id").stringValue();
                JsonNode before = stable(admin.get(path).json());
                assertThat(before).as("the channel as read: as created").isEqualTo(stable(answer.json()));
                Object patch = fuzzer.mutate(Templates.syslogChannelPatch(r), fuzzer.mutationCount());
                ApiResponse patched = run.send(i, http, "PATCH", path, fuzzer.contentType(), fuzzer.body(patch));
                if (patched != null && patched.status() < 500) {
                    assertThat(stable(admin.get(path).json())).as("the channel after a " + patched.status())
                            .isEqualTo(patched.status() == 200 ? patched.json() : before);
                }
                assertThat(admin.delete(path).status()).isEqualTo(204);
            }
        });

        run.assertNoFailures();
        assertThat(admin.get(Channels.PATH).itemIds()).as("channels left").isEmpty();
        assertServiceHealthy();
    }

    /**
     * The channel answer without {@code reconciliation}, which the scheduled passes of a channel with a REST API
     * token change on their own, not a request.
     */
    private static JsonNode stable(JsonNode channel) {
        if (channel instanceof tools.jackson.databind.node.ObjectNode object) {
            object.remove("reconciliation");
        }
        return channel;
    }
}
