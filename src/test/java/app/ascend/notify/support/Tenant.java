package app.ascend.notify.support;

import java.util.Map;
import java.util.UUID;

/** An organization made for one test, with its admin signed in. */
public record Tenant(String organizationId, String name, String adminEmail, String adminPassword, ApiClient admin,
        ApiTest test) {

    /** A new user of this organization with {@code role}, signed in. */
    public ApiClient newUser(String role) {
        String email = role + "-" + UUID.randomUUID().toString().substring(0, 8) + "@example.test";
        String password = "user-password-" + UUID.randomUUID().toString().substring(0, 8);
        ApiResponse created = admin.post("/api/users", Map.of("email", email, "password", password, "role", role));
        if (created.status() != 201) {
            throw new IllegalStateException("creating a user failed: " + created);
        }
        ApiClient client = test.anonymous();
        client.login(email, password);
        return client;
    }

    /** A new API key of this organization (the secret). */
    public String newApiKey() {
        ApiResponse created = admin.post("/api/api-keys", Map.of("name", "engine-" + UUID.randomUUID().toString().substring(0, 6)));
        if (created.status() != 201) {
            throw new IllegalStateException("creating an API key failed: " + created);
        }
        return created.json().get("key").stringValue();
    }
}
