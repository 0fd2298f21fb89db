package app.ascend.notify.secret;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;

import javax.crypto.spec.SecretKeySpec;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The key that seals integration and routing keys: {@code ASCEND_SECRET_KEY} (32 bytes as base64 or
 * 64 hex digits), else one generated once into {@code <data dir>/secret.key}, readable by its owner
 * only. Every instance sharing a database must use the same key; a check value in the database makes
 * a wrong key fail the start with a clear message instead of failing deliveries later.
 */
@Configuration
class SecretKeyConfig {
    private static final Logger log = LoggerFactory.getLogger(SecretKeyConfig.class);
    private static final String CHECK_NAME = "secret_key_check";
    private static final String CHECK_TEXT = "ascend-notify secret key check";

    @Bean
    SecretBox secretBox(@Value("${ascend.secret-key:}") String configured, @Value("${ascend.data-dir}") String dataDir,
            JdbcClient jdbc) throws IOException {
        byte[] key = configured.isBlank() ? keyFile(Path.of(dataDir)) : parse(configured.trim());
        SecretBox box = new SecretBox(new SecretKeySpec(key, "AES"));
        verifyAgainstDatabase(box, jdbc);
        return box;
    }

    private static byte[] parse(String configured) {
        byte[] key;
        if (configured.matches("[0-9a-fA-F]{64}")) {
            key = HexFormat.of().parseHex(configured);
        } else {
            try {
                key = Base64.getDecoder().decode(configured);
            } catch (IllegalArgumentException e) {
                throw new IllegalStateException("ASCEND_SECRET_KEY must be 32 bytes as base64 or 64 hex digits "
                        + "(for example the output of: openssl rand -base64 32)");
            }
        }
        if (key.length != 32) {
            throw new IllegalStateException("ASCEND_SECRET_KEY must be 32 bytes (AES-256); it has " + key.length);
        }
        return key;
    }

    private static byte[] keyFile(Path dataDir) throws IOException {
        Path file = dataDir.resolve("secret.key");
        if (!Files.exists(file)) {
            Files.createDirectories(dataDir);
            byte[] key = new byte[32];
            new SecureRandom().nextBytes(key);
            try {
                Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
                Files.writeString(file, Base64.getEncoder().encodeToString(key) + "\n", StandardCharsets.US_ASCII);
                log.info("Generated the secret key that seals channel keys into {} (owner-only). Back it up; "
                        + "instances sharing one database need the same key (ASCEND_SECRET_KEY).", file);
            } catch (FileAlreadyExistsException raced) {
                // Another process created it first: use theirs.
            } catch (UnsupportedOperationException notPosix) {
                Files.writeString(file, Base64.getEncoder().encodeToString(key) + "\n", StandardCharsets.US_ASCII);
            }
        }
        return parse(Files.readString(file, StandardCharsets.US_ASCII).trim());
    }

    private static void verifyAgainstDatabase(SecretBox box, JdbcClient jdbc) {
        var stored = jdbc.sql("select setting_value from instance_settings where name = ?").param(CHECK_NAME)
                .query(String.class).optional();
        if (stored.isEmpty()) {
            jdbc.sql("insert into instance_settings (name, setting_value) values (?, ?) on conflict do nothing")
                    .params(CHECK_NAME, box.seal(CHECK_TEXT)).update();
            return;
        }
        try {
            if (!CHECK_TEXT.equals(box.open(stored.get()))) {
                throw new SecretBox.SecretKeyMismatchException("check value differs");
            }
        } catch (SecretBox.SecretKeyMismatchException e) {
            throw new IllegalStateException("The secret key (ASCEND_SECRET_KEY or <data dir>/secret.key) is not the "
                    + "key this database's channel keys were sealed with. Start with the original key.");
        }
    }
}
