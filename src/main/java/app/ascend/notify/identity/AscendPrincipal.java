package app.ascend.notify.identity;

import java.io.Serial;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;

import org.springframework.security.core.AuthenticatedPrincipal;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;

import app.ascend.notify.audit.Actor;

/**
 * Who is calling: a signed-in user (kept in the database-backed session, hence Serializable) or a
 * machine client holding an API key. Every query is scoped to {@link #organizationId()}.
 */
public record AscendPrincipal(String userId, String apiKeyId, String organizationId, String email, Role role,
        boolean systemAdmin) implements AuthenticatedPrincipal, Actor, Serializable {
    @Serial
    private static final long serialVersionUID = 1L;

    public static AscendPrincipal user(User user) {
        return new AscendPrincipal(user.id(), null, user.organizationId(), user.email(), user.role(), user.systemAdmin());
    }

    public static AscendPrincipal apiKey(ApiKey key) {
        return new AscendPrincipal(null, key.id(), key.organizationId(), null, null, false);
    }

    /** The session's principal name (Spring Session indexes it): the user's or key's id. */
    @Override
    public String getName() {
        return isApiKey() ? apiKeyId : userId;
    }

    /** The audit trail's actor id: the same as {@link #getName()}. */
    @Override
    public String actorId() {
        return getName();
    }

    public boolean isApiKey() {
        return apiKeyId != null;
    }

    /** A name for audit entries and logs; never a secret. */
    @Override
    public String displayName() {
        return isApiKey() ? "api-key:" + apiKeyId : email;
    }

    public List<GrantedAuthority> authorities() {
        List<GrantedAuthority> authorities = new ArrayList<>();
        if (isApiKey()) {
            authorities.add(new SimpleGrantedAuthority("ROLE_API_CLIENT"));
            return authorities;
        }
        authorities.add(new SimpleGrantedAuthority("ROLE_USER"));
        if (role == Role.ADMIN) {
            authorities.add(new SimpleGrantedAuthority("ROLE_ADMIN"));
        }
        if (systemAdmin) {
            authorities.add(new SimpleGrantedAuthority("ROLE_SYSTEM_ADMIN"));
        }
        return authorities;
    }
}
