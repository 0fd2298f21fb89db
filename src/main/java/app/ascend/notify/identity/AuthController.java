package app.ascend.notify.identity;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import app.ascend.notify.web.FieldErrors;
import app.ascend.notify.web.JsonFields;
import app.ascend.notify.web.TooManyRequestsException;
import app.ascend.notify.web.UnauthorizedException;
import tools.jackson.databind.JsonNode;

/**
 * Sign-in with email and password into a database-backed session cookie, as the product page's
 * {@code curl -c cookies.txt} expects. Wrong credentials answer a generic 401 whether or not the
 * email exists (a dummy hash is checked so timing tells nothing either).
 */
@RestController
@RequestMapping("/api/auth")
class AuthController {
    private static final String INVALID = "Invalid email or password.";
    private final UserRepository users;
    private final UserService userService;
    private final PasswordEncoder passwords;
    private final LoginThrottle throttle;
    private final SecurityContextRepository contexts;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final String dummyHash;

    AuthController(UserRepository users, UserService userService, PasswordEncoder passwords, LoginThrottle throttle,
            SecurityContextRepository contexts, ApplicationEventPublisher events, Clock clock) {
        this.users = users;
        this.userService = userService;
        this.passwords = passwords;
        this.throttle = throttle;
        this.contexts = contexts;
        this.events = events;
        this.clock = clock;
        this.dummyHash = passwords.encode("not-a-real-password-" + System.nanoTime());
    }

    record SignedIn(UserView user, Organization organization) {
    }

    @PostMapping(path = "/login", consumes = MediaType.APPLICATION_JSON_VALUE)
    SignedIn login(@RequestBody JsonNode body, HttpServletRequest request, HttpServletResponse response) {
        FieldErrors errors = new FieldErrors();
        Optional<JsonFields> fields = JsonFields.object(body, "", errors);
        String email = fields.flatMap(f -> f.string("email", true, 320)).map(Passwords::normalizeEmail).orElse(null);
        String password = fields.flatMap(f -> f.string("password", true, 1000)).orElse(null);
        fields.ifPresent(f -> f.rejectUnknown(List.of("email", "password")));
        errors.throwIfAny();

        String address = request.getRemoteAddr();
        throttle.lockedFor(email, address).ifPresent(left -> {
            throw new TooManyRequestsException("Too many failed sign-ins for this account or address; try again in "
                    + Math.max(1, (left.toSeconds() + 59) / 60) + " minutes.", left);
        });
        Optional<User> user = users.findByEmail(email);
        boolean matches = passwords.matches(password, user.map(User::passwordHash).orElse(dummyHash));
        if (user.isEmpty() || !matches) {
            throttle.recordFailure(email, address);
            user.ifPresent(u -> events.publishEvent(new SignInFailed(u.organizationId(), u.id(), u.email(), address,
                    "wrong password", clock.instant())));
            throw new UnauthorizedException(INVALID);
        }
        throttle.recordSuccess(email);

        // A fresh session id on every sign-in: a session fixed by someone else before sign-in is worthless.
        HttpSession existing = request.getSession(false);
        if (existing != null) {
            existing.invalidate();
        }
        request.getSession(true);
        AscendPrincipal principal = AscendPrincipal.user(user.get());
        SecurityContext context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(principal, null, principal.authorities()));
        SecurityContextHolder.setContext(context);
        contexts.saveContext(context, request, response);
        return new SignedIn(UserView.of(user.get()), userService.organizationOf(principal));
    }

    @PostMapping("/logout")
    ResponseEntity<Void> logout(HttpServletRequest request) {
        HttpSession session = request.getSession(false);
        if (session != null) {
            session.invalidate();
        }
        SecurityContextHolder.clearContext();
        return ResponseEntity.noContent().build();
    }

    /** The signed-in user, or for an API key the key's organization. */
    @GetMapping("/me")
    Object me(@AuthenticationPrincipal AscendPrincipal me) {
        Organization organization = userService.organizationOf(me);
        if (me.isApiKey()) {
            return Map.of("api_key_id", me.apiKeyId(), "organization", organization);
        }
        return new SignedIn(users.findByEmail(me.email()).map(UserView::of).orElseThrow(), organization);
    }
}
