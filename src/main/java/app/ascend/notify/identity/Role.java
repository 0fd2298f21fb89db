package app.ascend.notify.identity;

import java.util.Arrays;
import java.util.Optional;

/** A user's role in its organization: admins may change things, viewers only read (a write answers 403). */
public enum Role {
    ADMIN("admin"),
    VIEWER("viewer");

    private final String wireName;

    Role(String wireName) {
        this.wireName = wireName;
    }

    public String wireName() {
        return wireName;
    }

    public static Optional<Role> fromWireName(String name) {
        return Arrays.stream(values()).filter(r -> r.wireName.equals(name)).findFirst();
    }
}
