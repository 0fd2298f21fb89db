package app.ascend.notify.maintenance;

import static app.ascend.notify.maintenance.MaintenanceKit.WINDOWS;
import static app.ascend.notify.maintenance.MaintenanceKit.minutesFromNow;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import app.ascend.notify.support.ApiClient;
import app.ascend.notify.support.ApiResponse;
import app.ascend.notify.support.ApiTest;
import app.ascend.notify.support.Tenant;
import tools.jackson.databind.JsonNode;

/** The maintenance-windows API: create, read, list, change, end, delete; validation, tenancy, roles, audit. */
class MaintenanceWindowApiIT extends ApiTest {

    @Test
    void createAnswers201WithIdActiveAndEveryField() {
        MaintenanceKit kit = MaintenanceKit.of(newTenant());
        String channel = kit.channel("Primary", newRoutingKey());
        String startsAt = minutesFromNow(-5);
        String endsAt = minutesFromNow(55);

        ApiResponse created = kit.admin().post(WINDOWS, Map.of("name", "DB upgrade", "starts_at", startsAt,
                "ends_at", endsAt, "channel_ids", List.of(channel), "events", List.of("action.blocked", "anomaly.detected"),
                "reason", "PostgreSQL 16 upgrade", "notify_after", true));

        assertThat(created.status()).as(created.body()).isEqualTo(201);
        JsonNode w = created.json();
        assertThat(w.get("id").stringValue()).startsWith("mw_");
        assertThat(w.get("name").stringValue()).isEqualTo("DB upgrade");
        assertThat(w.get("starts_at").stringValue()).isEqualTo(startsAt);
        assertThat(w.get("ends_at").stringValue()).isEqualTo(endsAt);
        assertThat(w.get("channel_ids").toString()).isEqualTo("[\"" + channel + "\"]");
        assertThat(w.get("events").toString()).isEqualTo("[\"action.blocked\",\"anomaly.detected\"]");
        assertThat(w.get("reason").stringValue()).isEqualTo("PostgreSQL 16 upgrade");
        assertThat(w.get("notify_after").booleanValue()).isTrue();
        assertThat(w.get("recurrence").isNull()).isTrue();
        assertThat(w.get("active").booleanValue()).isTrue();
        assertThat(w.get("active_until").stringValue()).isEqualTo(endsAt);
        assertThat(w.get("created_at").stringValue()).isNotBlank();
        assertThat(w.get("updated_at").stringValue()).isNotBlank();
        assertThat(kit.admin().get(WINDOWS + "/" + w.get("id").stringValue()).json()).isEqualTo(w);
    }

    @Test
    void omittedFieldsMeanEveryChannelEveryTypeNoNotifyAfterAndStartingNow() {
        MaintenanceKit kit = MaintenanceKit.of(newTenant());
        Instant before = Instant.now().minusSeconds(1);

        JsonNode w = kit.window(Map.of("name", "Quick fix", "ends_at", minutesFromNow(30)));

        assertThat(w.get("channel_ids").isNull()).isTrue();
        assertThat(w.get("events").isNull()).isTrue();
        assertThat(w.get("reason").isNull()).isTrue();
        assertThat(w.get("notify_after").booleanValue()).isFalse();
        assertThat(Instant.parse(w.get("starts_at").stringValue())).isAfter(before);
        assertThat(w.get("active").booleanValue()).isTrue();
    }

    @Test
    void listIsNewestFirstKeepsEndedWindowsAndFiltersActive() {
        MaintenanceKit kit = MaintenanceKit.of(newTenant());
        String ended = kit.window(Map.of("name", "ended", "starts_at", minutesFromNow(-120), "ends_at", minutesFromNow(-60)))
                .get("id").stringValue();
        String running = kit.activeWindow("running").get("id").stringValue();
        String future = kit.window(Map.of("name", "future", "starts_at", minutesFromNow(60), "ends_at", minutesFromNow(120)))
                .get("id").stringValue();

        assertThat(ids(kit.admin().get(WINDOWS))).containsExactly(future, running, ended);
        assertThat(ids(kit.admin().get(WINDOWS + "?active=true"))).containsExactly(running);
        assertThat(ids(kit.admin().get(WINDOWS + "?active=false"))).containsExactly(future, ended);
        ApiResponse first = kit.admin().get(WINDOWS + "?limit=2");
        assertThat(ids(first)).containsExactly(future, running);
        ApiResponse second = kit.admin().get(WINDOWS + "?limit=2&cursor=" + first.json().get("next_cursor").stringValue());
        assertThat(ids(second)).containsExactly(ended);
        assertThat(second.json().get("next_cursor").isNull()).isTrue();
        assertThat(kit.admin().get(WINDOWS + "?active=maybe").status()).isEqualTo(400);
    }

    @Test
    void patchChangesOnlyWhatItSendsAndEndingNowDeactivates() {
        MaintenanceKit kit = MaintenanceKit.of(newTenant());
        String channel = kit.channel("Primary", newRoutingKey());
        JsonNode created = kit.activeWindow("Nightly", "channel_ids", List.of(channel), "reason", "reindex");
        String path = WINDOWS + "/" + created.get("id").stringValue();

        ApiResponse renamed = kit.admin().patch(path, Map.of("name", "Nightly reindex", "events", List.of("auth.failed")));
        assertThat(renamed.status()).as(renamed.body()).isEqualTo(200);
        assertThat(renamed.json().get("name").stringValue()).isEqualTo("Nightly reindex");
        assertThat(renamed.json().get("events").toString()).isEqualTo("[\"auth.failed\"]");
        assertThat(renamed.json().get("reason").stringValue()).isEqualTo("reindex");
        assertThat(renamed.json().get("channel_ids").toString()).isEqualTo("[\"" + channel + "\"]");

        Map<String, Object> allChannels = new LinkedHashMap<>();
        allChannels.put("channel_ids", null);
        assertThat(kit.admin().patch(path, allChannels).json().get("channel_ids").isNull()).isTrue();

        String now = Instant.now().toString();
        ApiResponse ended = kit.admin().patch(path, Map.of("ends_at", now));
        assertThat(ended.status()).as(ended.body()).isEqualTo(200);
        assertThat(ended.json().get("active").booleanValue()).isFalse();
        assertThat(kit.admin().get(WINDOWS + "?active=true").json().get("items").size()).isZero();
    }

    @Test
    void endNowEndsARunningWindowOnceAndRefusesOneNotStarted() {
        MaintenanceKit kit = MaintenanceKit.of(newTenant());
        String running = WINDOWS + "/" + kit.activeWindow("running").get("id").stringValue();
        String future = WINDOWS + "/" + kit.window(Map.of("name", "future", "starts_at", minutesFromNow(60),
                "ends_at", minutesFromNow(120))).get("id").stringValue();

        ApiResponse ended = kit.admin().post(running + "/end", Map.of());
        assertThat(ended.status()).as(ended.body()).isEqualTo(200);
        assertThat(ended.json().get("active").booleanValue()).isFalse();
        assertThat(Instant.parse(ended.json().get("ends_at").stringValue())).isBeforeOrEqualTo(Instant.now());
        assertThat(kit.admin().post(running + "/end", Map.of()).json().get("ends_at")).isEqualTo(ended.json().get("ends_at"));
        ApiResponse notStarted = kit.admin().post(future + "/end", Map.of());
        assertThat(notStarted.status()).as(notStarted.body()).isEqualTo(409);
    }

    @Test
    void deleteAnswers204AndTheWindowIsGone() {
        MaintenanceKit kit = MaintenanceKit.of(newTenant());
        String path = WINDOWS + "/" + kit.activeWindow("temporary").get("id").stringValue();

        assertThat(kit.admin().delete(path).status()).isEqualTo(204);
        assertThat(kit.admin().get(path).status()).isEqualTo(404);
        assertThat(kit.admin().get(WINDOWS).json().get("items").size()).isZero();
    }

    @Test
    void everyBadFieldIsNamedInOne400() {
        Tenant other = newTenant();
        String othersChannel = MaintenanceKit.of(other).channel("Theirs", newRoutingKey());
        MaintenanceKit kit = MaintenanceKit.of(newTenant());
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("name", "bad");
        body.put("starts_at", minutesFromNow(10));
        body.put("ends_at", minutesFromNow(5));
        body.put("channel_ids", List.of("chan_doesnotexist", othersChannel));
        body.put("events", List.of("action.blocked", "action.exploded", "action.resolved"));
        body.put("notify_after", "yes");
        body.put("colour", "red");

        ApiResponse answer = kit.admin().post(WINDOWS, body);

        assertThat(answer.status()).as(answer.body()).isEqualTo(400);
        assertThat(answer.contentType()).startsWith("application/problem+json");
        assertThat(fields(answer)).containsExactlyInAnyOrder("colour", "ends_at", "channel_ids[0]", "channel_ids[1]",
                "events[1]", "notify_after");

        body.put("events", List.of("action.resolved"));
        body.remove("colour");
        assertThat(fields(kit.admin().post(WINDOWS, body))).contains("events[0]");
        assertThat(fields(kit.admin().post(WINDOWS, Map.of("name", "no end")))).containsExactly("ends_at");
        assertThat(fields(kit.admin().post(WINDOWS, Map.of("ends_at", "tomorrow")))).containsExactlyInAnyOrder("name", "ends_at");
    }

    @Test
    void badRecurrenceFieldsAreNamedWithTheirPath() {
        MaintenanceKit kit = MaintenanceKit.of(newTenant());

        ApiResponse answer = kit.admin().post(WINDOWS, Map.of("name", "weekly", "recurrence", Map.of(
                "weekdays", List.of("monday", "funday", "monday"), "start_time", "25:00", "end_time", "2am",
                "time_zone", "Mars/Olympus_Mons")));

        assertThat(answer.status()).as(answer.body()).isEqualTo(400);
        assertThat(fields(answer)).containsExactlyInAnyOrder("recurrence.weekdays[1]", "recurrence.weekdays[2]",
                "recurrence.start_time", "recurrence.end_time", "recurrence.time_zone");
        assertThat(fields(kit.admin().post(WINDOWS, Map.of("name", "weekly", "recurrence", Map.of("weekdays", List.of())))))
                .containsExactlyInAnyOrder("recurrence.weekdays", "recurrence.start_time", "recurrence.end_time",
                        "recurrence.time_zone");
    }

    @Test
    void aRecurringWindowMayHaveNoEndAndIsAnsweredNormalized() {
        MaintenanceKit kit = MaintenanceKit.of(newTenant());

        JsonNode w = kit.window(Map.of("name", "Weekly patching", "recurrence", Map.of("weekdays", List.of("Sunday", "friday"),
                "start_time", "22:00", "end_time", "02:00", "time_zone", "Europe/Berlin")));

        assertThat(w.get("ends_at").isNull()).isTrue();
        assertThat(w.get("recurrence").toString()).isEqualTo(
                "{\"weekdays\":[\"friday\",\"sunday\"],\"start_time\":\"22:00\",\"end_time\":\"02:00\",\"time_zone\":\"Europe/Berlin\"}");
        ApiResponse patched = kit.admin().patch(WINDOWS + "/" + w.get("id").stringValue(),
                Map.of("recurrence", Map.of("end_time", "03:00")));
        assertThat(patched.json().get("recurrence").get("end_time").stringValue()).isEqualTo("03:00");
        assertThat(patched.json().get("recurrence").get("weekdays").size()).isEqualTo(2);
    }

    @Test
    void anotherOrganizationsWindowIsNotFound() {
        MaintenanceKit owner = MaintenanceKit.of(newTenant());
        String path = WINDOWS + "/" + owner.activeWindow("mine").get("id").stringValue();
        ApiClient stranger = newTenant().admin();

        assertThat(stranger.get(path).status()).isEqualTo(404);
        assertThat(stranger.patch(path, Map.of("name", "theirs")).status()).isEqualTo(404);
        assertThat(stranger.post(path + "/end", Map.of()).status()).isEqualTo(404);
        assertThat(stranger.delete(path).status()).isEqualTo(404);
        assertThat(stranger.get(WINDOWS).json().get("items").size()).isZero();
        assertThat(owner.admin().get(path).json().get("name").stringValue()).isEqualTo("mine");
    }

    @Test
    void aViewerMayReadButNotChange() {
        Tenant tenant = newTenant();
        MaintenanceKit kit = MaintenanceKit.of(tenant);
        String path = WINDOWS + "/" + kit.activeWindow("theirs").get("id").stringValue();
        ApiClient viewer = tenant.newUser("viewer");

        assertThat(viewer.get(WINDOWS).status()).isEqualTo(200);
        assertThat(viewer.get(path).status()).isEqualTo(200);
        assertThat(viewer.post(WINDOWS, Map.of("name", "x", "ends_at", minutesFromNow(5))).status()).isEqualTo(403);
        assertThat(viewer.patch(path, Map.of("name", "x")).status()).isEqualTo(403);
        assertThat(viewer.post(path + "/end", Map.of()).status()).isEqualTo(403);
        assertThat(viewer.delete(path).status()).isEqualTo(403);
    }

    @Test
    void createUpdateEndAndDeleteAreAudited() {
        Tenant tenant = newTenant();
        MaintenanceKit kit = MaintenanceKit.of(tenant);
        String id = kit.activeWindow("Audited", "reason", "first").get("id").stringValue();
        kit.admin().patch(WINDOWS + "/" + id, Map.of("reason", "second"));
        kit.admin().post(WINDOWS + "/" + id + "/end", Map.of());
        kit.admin().delete(WINDOWS + "/" + id);

        JsonNode entries = kit.admin().get("/api/audit-log?target_id=" + id).json().get("items");

        List<String> actions = new ArrayList<>();
        entries.forEach(e -> actions.add(e.get("action").stringValue()));
        assertThat(actions).containsExactly("maintenance_window.deleted", "maintenance_window.updated",
                "maintenance_window.updated", "maintenance_window.created");
        entries.forEach(e -> {
            assertThat(e.get("target_type").stringValue()).isEqualTo("maintenance_window");
            assertThat(e.get("actor_email").stringValue()).isEqualTo(tenant.adminEmail());
        });
        assertThat(entries.get(2).get("changes").get("reason").toString()).isEqualTo("{\"before\":\"first\",\"after\":\"second\"}");
        assertThat(entries.get(1).get("changes").has("ends_at")).isTrue();
        assertThat(entries.get(3).get("changes").get("name").stringValue()).isEqualTo("Audited");
    }

    private static List<String> ids(ApiResponse list) {
        assertThat(list.status()).as(list.body()).isEqualTo(200);
        List<String> ids = new ArrayList<>();
        list.json().get("items").forEach(item -> ids.add(item.get("id").stringValue()));
        return ids;
    }

    private static List<String> fields(ApiResponse problem) {
        assertThat(problem.status()).as(problem.body()).isEqualTo(400);
        List<String> fields = new ArrayList<>();
        problem.json().get("errors").forEach(e -> fields.add(e.get("field").stringValue()));
        return fields;
    }
}
