package barometer.crawler.source;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Refuses source addresses inside the network the service runs in: loopback, private (RFC 1918, IPv6 unique
 * local), link-local, carrier-grade NAT, unspecified and multicast addresses, unless the host is explicitly allowed
 * in configuration. Every address a name resolves to is checked, so the admin API cannot be used to make the
 * crawler probe the internal network.
 */
public final class AddressGuard {
    private final Set<String> allowedHosts;

    /** @param allowedHosts host names or address literals that may be private (e.g. a local test feed) */
    public AddressGuard(Set<String> allowedHosts) {
        this.allowedHosts = allowedHosts.stream().map(h -> h.strip().toLowerCase(Locale.ROOT))
                .filter(h -> !h.isEmpty()).collect(Collectors.toUnmodifiableSet());
    }

    /**
     * Checks a source address.
     *
     * @throws RefusedSource with the reason when it is not an http(s) address on the public internet
     */
    public void check(URI url) {
        String scheme = url.getScheme() == null ? "" : url.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")) {
            throw new RefusedSource("only http and https sources can be crawled, not '" + url + "'");
        }
        String host = url.getHost();
        if (host == null || host.isBlank()) {
            throw new RefusedSource("the address has no host: " + url);
        }
        String bare = host.toLowerCase(Locale.ROOT).replaceAll("^\\[|\\]$", "");
        if (allowedHosts.contains(bare)) {
            return;
        }
        InetAddress[] addresses;
        try {
            addresses = InetAddress.getAllByName(bare);
        } catch (UnknownHostException e) {
            throw new RefusedSource("the host " + host + " does not resolve");
        }
        for (InetAddress a : addresses) {
            if (internal(a)) {
                throw new RefusedSource(host + " resolves to " + a.getHostAddress()
                        + ", an internal address; allow it in barometer.crawl.allow-private-hosts if it is meant");
            }
        }
    }

    static boolean internal(InetAddress a) {
        if (a.isLoopbackAddress() || a.isSiteLocalAddress() || a.isLinkLocalAddress() || a.isAnyLocalAddress()
                || a.isMulticastAddress()) {
            return true;
        }
        byte[] b = a.getAddress();
        if (a instanceof Inet4Address) {
            int first = b[0] & 0xFF, second = b[1] & 0xFF;
            return first == 0 || (first == 100 && second >= 64 && second <= 127) || first >= 240
                    || (first == 192 && second == 0 && (b[2] & 0xFF) == 0);
        }
        if (a instanceof Inet6Address) {
            return (b[0] & 0xFE) == 0xFC;
        }
        return false;
    }

    /** A source address that is not allowed, and why. */
    public static final class RefusedSource extends RuntimeException {
        public RefusedSource(String reason) {
            super(reason, null, false, false);
        }
    }
}
