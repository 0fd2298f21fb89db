package app.ascend.notify.channel;

import static org.assertj.core.api.Assertions.assertThat;

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
                assertThat(admin.get(path).json()).as("the channel as read").isEqualTo(answer.json());
                assertThat(admin.delete(path).status()).isEqualTo(204); // keeps the organization small
            }
        });

        run.assertNoFailures();
        assertThat(admin.get(Channels.PATH).itemIds()).as("channels left").isEmpty();
        assertServiceHealthy();
    }

    @Test
    void patchingNeverAnswers5xxAndARejectedPatchChangesNothing() {
        fuzzChanges("PATCH");
    }

    @Test
    void replacingNeverAnswers5xxAndARejectedReplacementChangesNothing() {
        fuzzChanges("PUT");
    }

    private void fuzzChanges(String method) {
        ApiClient admin = newTenant().admin();
        RawHttp http = raw(admin);
        String path = Channels.PATH + "/" + Channels.create(admin, Doc.write(Templates.channel(new Random(1), "Target")))
                .get("id").stringValue();
        FuzzRun run = new FuzzRun(method + " " + Channels.PATH + "/{id}");
        JsonNode[] current = {admin.get(path).json()};

        run.forEachCase(i -> {
            Random r = run.random(i);
            Fuzzer fuzzer = new Fuzzer(r, Templates.CHANNEL_FIELDS);
            Object template = method.equals("PATCH") ? Templates.channelPatch(r) : Templates.channel(r, "Replaced " + i);
            Object document = fuzzer.mutate(template, fuzzer.mutationCount());
            String contentType = method.equals("PATCH") && r.nextInt(4) == 0 ? "application/merge-patch+json"
                    : fuzzer.contentType();
            ApiResponse answer = run.send(i, http, method, path, contentType, fuzzer.body(document));
            if (answer == null || answer.status() >= 500) {
                current[0] = admin.get(path).json();
                return;
            }
            JsonNode after = admin.get(path).json();
            if (answer.status() == 200) {
                assertThat(after).as("the channel as read after a 200").isEqualTo(answer.json());
            } else {
                assertThat(after).as("the channel after a " + answer.status()).isEqualTo(current[0]);
            }
            current[0] = after;
        });

        run.assertNoFailures();
        assertThat(admin.get(Channels.PATH).itemIds()).as("channels").hasSize(1);
        assertServiceHealthy();
    }
}
