package app.ascend.notify.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import app.ascend.notify.support.ApiTest;
import app.ascend.notify.support.Tenant;

/**
 * Passwords are stored with a slow adaptive hash (bcrypt, via Spring Security's delegating encoder)
 * and API keys only as a hash: nothing in the database gives either back.
 */
class CredentialsAtRestIT extends ApiTest {

    @Autowired
    JdbcClient database;

    @Test
    void passwordsAreStoredAsBcryptHashes() {
        Tenant tenant = newTenant();

        Map<String, Object> user = database.sql("select * from users where email = ?").param(tenant.adminEmail()).query()
                .singleRow();

        assertThat(String.valueOf(user.get("password_hash"))).startsWith("{bcrypt}$2");
        assertThat(user.toString()).doesNotContain(tenant.adminPassword());
    }

    @Test
    void apiKeysAreStoredOnlyAsTheirHash() throws Exception {
        Tenant tenant = newTenant();
        String secret = tenant.newApiKey();

        List<Map<String, Object>> rows = database.sql("select * from api_keys where org_id = ?")
                .param(tenant.organizationId()).query().listOfRows();

        assertThat(rows).hasSize(1);
        String sha256 = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(secret.getBytes(StandardCharsets.UTF_8)));
        assertThat(rows.get(0).get("key_hash")).isEqualTo(sha256);
        assertThat(rows.toString()).doesNotContain(secret);
    }
}
