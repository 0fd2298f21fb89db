package app.ascend.notify.identity;

import java.time.Clock;
import java.util.Map;

import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import app.ascend.notify.audit.AuditTrail;
import app.ascend.notify.ids.Ids;
import app.ascend.notify.web.ConflictException;
import app.ascend.notify.web.NotFoundException;
import app.ascend.notify.web.Page;
import app.ascend.notify.web.PageParams;

/** Organizations and their users. Passwords are hashed with Spring Security's delegating encoder (bcrypt). */
@Service
public class UserService {
    private final OrganizationRepository organizations;
    private final UserRepository users;
    private final PasswordEncoder passwords;
    private final AuditTrail audit;
    private final Clock clock;

    public UserService(OrganizationRepository organizations, UserRepository users, PasswordEncoder passwords,
            AuditTrail audit, Clock clock) {
        this.organizations = organizations;
        this.users = users;
        this.passwords = passwords;
        this.audit = audit;
        this.clock = clock;
    }

    /** A new organization with its first admin; {@code by} is null when the service bootstraps itself. */
    @Transactional
    public User createOrganization(AscendPrincipal by, String name, String adminEmail, String adminPassword,
            boolean systemAdmin) {
        if (organizations.existsByName(name)) {
            throw new ConflictException("name", "an organization with this name already exists");
        }
        requireFreeEmail(adminEmail, "admin_email");
        Organization org = new Organization(Ids.newId("org"), name, clock.instant());
        organizations.insert(org);
        User admin = new User(Ids.newId("usr"), org.id(), adminEmail, passwords.encode(adminPassword), Role.ADMIN,
                systemAdmin, clock.instant());
        users.insert(admin);
        Map<String, Object> changes = Map.of("name", name, "admin_email", adminEmail);
        if (by == null) {
            audit.record(org.id(), null, "bootstrap", "organization.created", "organization", org.id(), changes);
        } else {
            audit.record(org.id(), by.userId(), by.displayName(), "organization.created", "organization", org.id(), changes);
        }
        return admin;
    }

    @Transactional
    public User createUser(AscendPrincipal by, String email, String password, Role role) {
        requireFreeEmail(email, "email");
        User user = new User(Ids.newId("usr"), by.organizationId(), email, passwords.encode(password), role, false,
                clock.instant());
        users.insert(user);
        audit.record(by, "user.created", "user", user.id(), Map.of("email", email, "role", role.wireName()));
        return user;
    }

    public Page<User> list(AscendPrincipal by, PageParams page) {
        return Page.of(users.page(by.organizationId(), page), page, User::id);
    }

    public Organization organizationOf(AscendPrincipal principal) {
        return organizations.findById(principal.organizationId())
                .orElseThrow(() -> new NotFoundException("organization", principal.organizationId()));
    }

    public Page<Organization> organizations(AscendPrincipal by, PageParams page) {
        if (by.systemAdmin()) {
            return Page.of(organizations.page(page), page, Organization::id);
        }
        return new Page<>(java.util.List.of(organizationOf(by)), null);
    }

    private void requireFreeEmail(String email, String field) {
        if (users.existsByEmail(email)) {
            throw new ConflictException(field, "a user with this email already exists");
        }
    }
}
