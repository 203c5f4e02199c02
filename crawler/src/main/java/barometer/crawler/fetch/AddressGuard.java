package barometer.crawler.fetch;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Keeps what admin-added sources make the crawler fetch on the public internet: loopback, private (RFC 1918, IPv6
 * unique local), link-local, carrier-grade NAT, unspecified, reserved and multicast addresses are refused unless the
 * exact {@code host:port} is allowed in configuration.
 *
 * <p>Two checks, both needed. {@link #check(URI)} looks at an address before anything is sent to it (each
 * redirect hop, robots.txt, the pages a feed links to). {@link #resolve(String)} is the resolver of the
 * {@link Fetcher}'s guarded client: the addresses it checks are the very addresses the client connects to, so a
 * name cannot resolve to a public address for the check and to an internal one for the connection (DNS
 * rebinding).
 *
 * <p>Hosts written as numbers must be plain dotted decimal ({@code 93.184.216.34}): browsers and curl read
 * {@code 0177.0.0.1}, {@code 0x7f000001} or {@code 2130706433} as 127.0.0.1 while Java reads some of them
 * otherwise, so such spellings are refused rather than guessed at.
 */
public final class AddressGuard {
    private static final Pattern DOTTED_DECIMAL =
            Pattern.compile("(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)(\\.(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)){3}");
    /** A last label that URL parsers read as a number (decimal, octal or hex): the host is then an IPv4 address. */
    private static final Pattern NUMERIC_LABEL = Pattern.compile("(0[xX][0-9a-fA-F]*|\\d+)");

    private final Set<String> allowedEndpoints;
    private final Set<String> allowedHosts;

    /**
     * @param allowed {@code host:port} pairs that may be internal (a local test feed, say); a bare host is refused,
     *        since it would open every port of that host
     * @throws IllegalArgumentException when an entry has no port
     */
    public AddressGuard(Set<String> allowed) {
        this.allowedEndpoints = allowed.stream().map(h -> h.strip().toLowerCase(Locale.ROOT))
                .filter(h -> !h.isEmpty()).map(AddressGuard::endpoint).collect(Collectors.toUnmodifiableSet());
        this.allowedHosts = allowedEndpoints.stream().map(e -> e.substring(0, e.lastIndexOf(':')))
                .collect(Collectors.toUnmodifiableSet());
    }

    /** A guard that allows no internal address. */
    public static AddressGuard strict() {
        return new AddressGuard(Set.of());
    }

    private static String endpoint(String entry) {
        int colon = entry.lastIndexOf(':');
        String host = colon > 0 ? entry.substring(0, colon) : "";
        boolean bracketed = host.startsWith("[") && host.endsWith("]");
        boolean hasPort = colon > 0 && colon < entry.length() - 1
                && entry.substring(colon + 1).chars().allMatch(Character::isDigit)
                && (bracketed || !host.contains(":")); // an IPv6 address needs its brackets before the port
        if (!hasPort) {
            throw new IllegalArgumentException("barometer.crawl.allow-private-hosts takes host:port pairs (e.g. "
                    + "feeds.internal:8080 or [::1]:9000), not '" + entry + "': a bare host would open all its ports");
        }
        return bare(entry.substring(0, colon)) + ":" + entry.substring(colon + 1);
    }

    /**
     * Checks an address before a request is sent to it.
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
        String bare = bare(host);
        int port = url.getPort() != -1 ? url.getPort() : scheme.equals("https") ? 443 : 80;
        if (allowedEndpoints.contains(bare + ":" + port)) {
            return;
        }
        checkSpelling(bare);
        for (InetAddress a : lookUp(bare)) {
            if (internal(a)) {
                throw refusal(host, a);
            }
        }
    }

    /**
     * Resolves a host for the guarded HTTP client: every address must be public, unless the host is one of the
     * allowed endpoints' (its port was checked by {@link #check(URI)} before the request).
     *
     * @throws InternalAddress when it resolves to an internal address
     * @throws UnknownHostException when the name does not resolve
     */
    public InetAddress[] resolve(String host) throws UnknownHostException {
        String bare = bare(host);
        InetAddress[] addresses = InetAddress.getAllByName(bare);
        if (allowedHosts.contains(bare)) {
            return addresses;
        }
        for (InetAddress a : addresses) {
            if (internal(a)) {
                throw new InternalAddress(refusal(host, a).getMessage());
            }
        }
        return addresses;
    }

    private static void checkSpelling(String host) {
        if (host.contains(":")) {
            return; // an IPv6 literal: one spelling per address, checked by value
        }
        String lastLabel = host.endsWith(".") ? host.substring(0, host.length() - 1) : host;
        lastLabel = lastLabel.substring(lastLabel.lastIndexOf('.') + 1);
        if (NUMERIC_LABEL.matcher(lastLabel).matches() && !DOTTED_DECIMAL.matcher(host).matches()) {
            throw new RefusedSource("the host '" + host + "' is a number in an unusual spelling (octal, hex or "
                    + "fewer than four parts); write the address as four decimal numbers");
        }
    }

    private static InetAddress[] lookUp(String host) {
        try {
            return InetAddress.getAllByName(host);
        } catch (UnknownHostException e) {
            throw new RefusedSource("the host " + host + " does not resolve");
        }
    }

    private static RefusedSource refusal(String host, InetAddress a) {
        return new RefusedSource(host + " resolves to " + a.getHostAddress() + ", an internal address; allow its "
                + "host:port in barometer.crawl.allow-private-hosts if it is meant");
    }

    private static String bare(String host) {
        return host.toLowerCase(Locale.ROOT).replaceAll("^\\[|\\]$", "");
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
            if ((b[0] & 0xFE) == 0xFC) {
                return true;
            }
            // IPv4-mapped (::ffff:a.b.c.d) and NAT64 (64:ff9b::a.b.c.d): judged by the IPv4 address inside.
            boolean mapped = allZero(b, 0, 10) && (b[10] & 0xFF) == 0xFF && (b[11] & 0xFF) == 0xFF;
            boolean nat64 = (b[0] & 0xFF) == 0 && (b[1] & 0xFF) == 0x64 && (b[2] & 0xFF) == 0xFF
                    && (b[3] & 0xFF) == 0x9B && allZero(b, 4, 12);
            if (mapped || nat64) {
                try {
                    return internal(InetAddress.getByAddress(new byte[] {b[12], b[13], b[14], b[15]}));
                } catch (UnknownHostException impossible) {
                    return true;
                }
            }
        }
        return false;
    }

    private static boolean allZero(byte[] b, int from, int to) {
        for (int i = from; i < to; i++) {
            if (b[i] != 0) {
                return false;
            }
        }
        return true;
    }

    /** What the guarded resolver throws for a name that resolves inside: to the HTTP client, no usable host. */
    public static final class InternalAddress extends UnknownHostException {
        InternalAddress(String reason) {
            super(reason);
        }
    }

    /** A source address that is not allowed, and why. */
    public static final class RefusedSource extends RuntimeException {
        public RefusedSource(String reason) {
            super(reason, null, false, false);
        }
    }
}
