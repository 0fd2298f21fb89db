package app.ascend.notify.identity;

import java.util.List;
import java.util.Optional;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import app.ascend.notify.web.FieldErrors;
import app.ascend.notify.web.JsonFields;
import app.ascend.notify.web.Page;
import app.ascend.notify.web.PageParams;
import tools.jackson.databind.JsonNode;

@RestController
@RequestMapping("/api/organizations")
class OrganizationController {
    private final UserService users;

    OrganizationController(UserService users) {
        this.users = users;
    }

    record CreatedOrganization(String id, String name, java.time.Instant createdAt, UserView admin) {
    }

    /** System administrators only (enforced by the security rules). */
    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    @ResponseStatus(HttpStatus.CREATED)
    CreatedOrganization create(@AuthenticationPrincipal AscendPrincipal me, @RequestBody JsonNode body) {
        FieldErrors errors = new FieldErrors();
        Optional<JsonFields> fields = JsonFields.object(body, "", errors);
        String name = fields.flatMap(f -> f.string("name", true, 200)).map(String::trim).orElse(null);
        String email = fields.flatMap(f -> Passwords.email(f, "admin_email")).orElse(null);
        String password = fields.flatMap(f -> Passwords.password(f, "admin_password")).orElse(null);
        fields.ifPresent(f -> f.rejectUnknown(List.of("name", "admin_email", "admin_password")));
        errors.throwIfAny();
        User admin = users.createOrganization(me, name, email, password, false);
        Organization org = users.organizationOf(AscendPrincipal.user(admin));
        return new CreatedOrganization(org.id(), org.name(), org.createdAt(), UserView.of(admin));
    }

    /** A system administrator sees every organization; anyone else only their own. */
    @GetMapping
    Page<Organization> list(@AuthenticationPrincipal AscendPrincipal me, @RequestParam(required = false) String limit,
            @RequestParam(required = false) String cursor) {
        return users.organizations(me, PageParams.parse(limit, cursor));
    }
}
