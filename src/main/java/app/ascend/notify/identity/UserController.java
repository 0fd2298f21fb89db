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
@RequestMapping("/api/users")
class UserController {
    private final UserService users;

    UserController(UserService users) {
        this.users = users;
    }

    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    @ResponseStatus(HttpStatus.CREATED)
    UserView create(@AuthenticationPrincipal AscendPrincipal me, @RequestBody JsonNode body) {
        FieldErrors errors = new FieldErrors();
        Optional<JsonFields> fields = JsonFields.object(body, "", errors);
        String email = fields.flatMap(f -> Passwords.email(f, "email")).orElse(null);
        String password = fields.flatMap(f -> Passwords.password(f, "password")).orElse(null);
        Role role = fields.flatMap(f -> f.string("role", true, 20)).flatMap(r -> {
            Optional<Role> parsed = Role.fromWireName(r);
            if (parsed.isEmpty()) {
                errors.add("role", "must be one of: admin, viewer");
            }
            return parsed;
        }).orElse(null);
        fields.ifPresent(f -> f.rejectUnknown(List.of("email", "password", "role")));
        errors.throwIfAny();
        return UserView.of(users.createUser(me, email, password, role));
    }

    @GetMapping
    Page<UserView> list(@AuthenticationPrincipal AscendPrincipal me, @RequestParam(required = false) String limit,
            @RequestParam(required = false) String cursor) {
        return users.list(me, PageParams.parse(limit, cursor)).map(UserView::of);
    }
}
