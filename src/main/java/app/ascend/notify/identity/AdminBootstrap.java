package app.ascend.notify.identity;

import java.security.SecureRandom;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Component;

import app.ascend.notify.web.ConflictException;

/**
 * On an empty database, creates the system administrator in the bootstrap organization. Without
 * {@code ASCEND_ADMIN_PASSWORD} a strong password is generated and printed once, clearly marked. Runs
 * before the service reports ready; when two instances start on one empty database, one wins.
 */
@Component
class AdminBootstrap implements ApplicationRunner {
    private static final Logger log = LoggerFactory.getLogger(AdminBootstrap.class);
    static final String DEFAULT_EMAIL = "admin@ascend.local";
    private static final String ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789";
    private final UserRepository users;
    private final UserService userService;
    private final BootstrapProperties properties;

    AdminBootstrap(UserRepository users, UserService userService, BootstrapProperties properties) {
        this.users = users;
        this.userService = userService;
        this.properties = properties;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (users.count() > 0) {
            return;
        }
        boolean hasEmail = properties.adminEmail() != null && !properties.adminEmail().isBlank();
        boolean hasPassword = properties.adminPassword() != null && !properties.adminPassword().isBlank();
        String email = hasEmail ? Passwords.normalizeEmail(properties.adminEmail()) : DEFAULT_EMAIL;
        String password = hasPassword ? properties.adminPassword() : generatePassword();
        String organization = properties.organization() == null || properties.organization().isBlank()
                ? "Default Organization" : properties.organization().trim();
        try {
            userService.createOrganization(null, organization, email, password, true);
        } catch (DuplicateKeyException | ConflictException e) {
            log.info("Another instance created the system administrator first; nothing to do.");
            return;
        }
        if (hasPassword) {
            log.info("Created the system administrator {} in organization \"{}\" (password from ASCEND_ADMIN_PASSWORD).",
                    email, organization);
        } else {
            log.warn("""

                    ================================================================================
                      ASCEND Notify created the system administrator of organization "{}".
                        Email:    {}
                        Password: {}
                      This password is shown once, now. Set ASCEND_ADMIN_EMAIL and
                      ASCEND_ADMIN_PASSWORD before the first start to choose your own.
                    ================================================================================""",
                    organization, email, password);
        }
    }

    private static String generatePassword() {
        SecureRandom random = new SecureRandom();
        StringBuilder password = new StringBuilder();
        for (int i = 0; i < 24; i++) {
            password.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
        }
        return password.toString();
    }
}
