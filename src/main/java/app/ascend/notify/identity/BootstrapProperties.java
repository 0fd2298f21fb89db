package app.ascend.notify.identity;

import org.springframework.boot.context.properties.ConfigurationProperties;

/** {@code ASCEND_ORGANIZATION}, {@code ASCEND_ADMIN_EMAIL}, {@code ASCEND_ADMIN_PASSWORD}. */
@ConfigurationProperties("ascend.bootstrap")
public record BootstrapProperties(String organization, String adminEmail, String adminPassword) {
}
