package app.ascend.notify.identity;

import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

import org.springframework.stereotype.Component;

/**
 * Organizations' names for ingest, which puts the name in every alert ("Acme Corp" on the product page), kept
 * once read: no API renames or deletes an organization, so a name read once stays true and each ingest group
 * saves a statement. Whoever adds a rename must make this forget the old name (on every instance).
 */
@Component
public class OrganizationNames {
    /* Names kept; past it the map starts over (a bound on memory, not an eviction policy). */
    static final int MAX_ORGANIZATIONS = 10_000;
    private final OrganizationRepository organizations;
    private final ConcurrentMap<String, String> names = new ConcurrentHashMap<>();

    public OrganizationNames(OrganizationRepository organizations) {
        this.organizations = organizations;
    }

    /** The organization's name; empty when there is no such organization. */
    public Optional<String> of(String organizationId) {
        String kept = names.get(organizationId);
        if (kept != null) {
            return Optional.of(kept);
        }
        Optional<String> read = organizations.findById(organizationId).map(Organization::name);
        read.ifPresent(name -> {
            if (names.size() >= MAX_ORGANIZATIONS) {
                names.clear();
            }
            names.put(organizationId, name);
        });
        return read;
    }
}
