package app.ascend.notify.outbound;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Which addresses a user-entered outbound URL (a webhook, Slack or Teams URL, a HEC or ServiceNow
 * instance) may reach: never loopback, private (RFC 1918, IPv6 unique local), shared (RFC 6598, where
 * some clouds put their metadata service), link-local (169.254.0.0/16 holds 169.254.169.254, the
 * usual cloud metadata address; fe80::/10), unspecified or multicast addresses — the server-side request
 * forgery targets OWASP lists (https://cheatsheetseries.owasp.org/cheatsheets/Server_Side_Request_Forgery_Prevention_Cheat_Sheet.html)
 * — unless the operator lists them in {@code ASCEND_OUTBOUND_ALLOW}: comma-separated host names and
 * CIDR ranges (e.g. {@code 127.0.0.0/8,hooks.internal.example}), empty by default.
 *
 * <p>A URL is checked when it is saved and again before every send, on every address its host resolves
 * to, since DNS can change between the two. The JDK resolves again when it connects; its positive
 * lookup cache (30 s by default) makes that the same answer in practice.
 */
@Component
public class OutboundAddressPolicy {
    private final Set<String> allowedHosts = new TreeSet<>();
    private final List<Cidr> allowedRanges = new ArrayList<>();

    public OutboundAddressPolicy(@Value("${ascend.outbound.allow:}") String allow) {
        for (String raw : allow.split(",")) {
            String entry = raw.trim().toLowerCase(Locale.ROOT);
            if (entry.isEmpty()) {
                continue;
            }
            if (entry.contains("/")) {
                allowedRanges.add(Cidr.parse(entry));
            } else {
                allowedHosts.add(entry);
            }
        }
    }

    /** Why {@code uri} may not be reached, or empty when it may (a host that does not resolve may: sending will tell). */
    public Optional<String> refusal(URI uri) {
        String bare = bareHost(uri);
        if (bare == null) {
            return Optional.of("the URL has no host");
        }
        if (allowedHosts.contains(bare.toLowerCase(Locale.ROOT))) {
            return Optional.empty();
        }
        InetAddress[] addresses;
        try {
            addresses = InetAddress.getAllByName(bare);
        } catch (UnknownHostException e) {
            return Optional.empty();
        }
        for (InetAddress address : addresses) {
            Optional<String> kind = forbiddenKind(address);
            if (kind.isPresent() && allowedRanges.stream().noneMatch(range -> range.contains(address))) {
                return Optional.of(bare + " resolves to " + address.getHostAddress() + ", a " + kind.get()
                        + " address; outbound URLs may not reach those unless ASCEND_OUTBOUND_ALLOW lists the host or range");
            }
        }
        return Optional.empty();
    }

    /**
     * Whether the operator's allow-list names {@code uri}'s host, or every address it resolves to lies in a
     * listed range: what lets a channel type accept plain {@code http} for a host on a trusted network (a
     * local receiver, the bundled simulator). A host that does not resolve is not listed.
     */
    public boolean allowListed(URI uri) {
        String bare = bareHost(uri);
        if (bare == null) {
            return false;
        }
        if (allowedHosts.contains(bare.toLowerCase(Locale.ROOT))) {
            return true;
        }
        if (allowedRanges.isEmpty()) {
            return false;
        }
        try {
            InetAddress[] addresses = InetAddress.getAllByName(bare);
            for (InetAddress address : addresses) {
                if (allowedRanges.stream().noneMatch(range -> range.contains(address))) {
                    return false;
                }
            }
            return addresses.length > 0;
        } catch (UnknownHostException e) {
            return false;
        }
    }

    /** The URL's host without an IPv6 literal's brackets, or null when it has none. */
    private static String bareHost(URI uri) {
        String host = uri.getHost();
        if (host == null) {
            return null;
        }
        return host.startsWith("[") ? host.substring(1, host.length() - 1) : host;
    }

    static Optional<String> forbiddenKind(InetAddress address) {
        InetAddress a = unmapped(address);
        if (a.isLoopbackAddress()) {
            return Optional.of("loopback");
        }
        if (a.isAnyLocalAddress()) {
            return Optional.of("unspecified");
        }
        if (a.isLinkLocalAddress()) {
            return Optional.of("link-local (cloud metadata)");
        }
        if (a.isSiteLocalAddress()) {
            return Optional.of("private");
        }
        if (a.isMulticastAddress()) {
            return Optional.of("multicast");
        }
        byte[] b = a.getAddress();
        if (a instanceof Inet4Address) {
            int first = b[0] & 0xff;
            int second = b[1] & 0xff;
            if (first == 0) {
                return Optional.of("unspecified");
            }
            if (first == 100 && second >= 64 && second < 128) {
                return Optional.of("shared (carrier-grade NAT, cloud metadata)");
            }
            if (first >= 240) {
                return Optional.of("reserved");
            }
        } else if (a instanceof Inet6Address && (b[0] & 0xfe) == 0xfc) {
            return Optional.of("private (unique local)");
        }
        return Optional.empty();
    }

    /** {@code ::ffff:10.0.0.1} is 10.0.0.1. */
    private static InetAddress unmapped(InetAddress address) {
        byte[] b = address.getAddress();
        if (b.length == 16) {
            boolean mapped = true;
            for (int i = 0; i < 10; i++) {
                mapped &= b[i] == 0;
            }
            mapped &= (b[10] & 0xff) == 0xff && (b[11] & 0xff) == 0xff;
            if (mapped) {
                try {
                    return InetAddress.getByAddress(new byte[] { b[12], b[13], b[14], b[15] });
                } catch (UnknownHostException impossible) {
                    return address;
                }
            }
        }
        return address;
    }

    /** A CIDR range of the allow-list. */
    record Cidr(byte[] network, int prefix) {
        static Cidr parse(String text) {
            int slash = text.indexOf('/');
            try {
                byte[] network = InetAddress.getByName(text.substring(0, slash)).getAddress();
                int prefix = Integer.parseInt(text.substring(slash + 1));
                if (prefix < 0 || prefix > network.length * 8) {
                    throw new IllegalArgumentException();
                }
                return new Cidr(network, prefix);
            } catch (RuntimeException | UnknownHostException e) {
                throw new IllegalStateException("ASCEND_OUTBOUND_ALLOW: \"" + text
                        + "\" is not a CIDR range (e.g. 127.0.0.0/8, fd00::/8) or a host name");
            }
        }

        boolean contains(InetAddress address) {
            byte[] candidate = unmapped(address).getAddress();
            if (candidate.length != network.length) {
                return false;
            }
            int bits = prefix;
            for (int i = 0; i < candidate.length && bits > 0; i++, bits -= 8) {
                int mask = bits >= 8 ? 0xff : (0xff << (8 - bits)) & 0xff;
                if ((candidate[i] & mask) != (network[i] & mask)) {
                    return false;
                }
            }
            return true;
        }
    }
}
