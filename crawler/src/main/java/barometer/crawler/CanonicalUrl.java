package barometer.crawler;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * One spelling per address, so that the same article reached by two URLs is one article: lower-case
 * scheme and host, no default port, no fragment, no tracking parameters (utm_*, fbclid, gclid and the
 * like), an empty path written "/". The rest of the query is kept in its order.
 */
public final class CanonicalUrl {
    private static final Set<String> TRACKING = Set.of("fbclid", "gclid", "dclid", "msclkid", "mc_cid", "mc_eid",
            "igshid", "yclid", "_ga", "_hsenc", "_hsmi", "ocid", "cmpid", "ncid", "smid", "sr_share");

    private CanonicalUrl() {
    }

    /** The canonical form of an http(s) address; other addresses come back unchanged. */
    public static URI of(URI uri) {
        String scheme = uri.getScheme() == null ? null : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!"http".equals(scheme) && !"https".equals(scheme) || uri.getHost() == null) {
            return uri;
        }
        int port = uri.getPort();
        if (port == 80 && scheme.equals("http") || port == 443 && scheme.equals("https")) {
            port = -1;
        }
        String path = uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath();
        String query = query(uri.getRawQuery());
        StringBuilder s = new StringBuilder(scheme).append("://").append(uri.getHost().toLowerCase(Locale.ROOT));
        if (port != -1) {
            s.append(':').append(port);
        }
        s.append(path);
        if (query != null) {
            s.append('?').append(query);
        }
        try {
            return new URI(s.toString());
        } catch (URISyntaxException e) {
            return uri;
        }
    }

    private static String query(String raw) {
        if (raw == null || raw.isEmpty()) {
            return null;
        }
        List<String> kept = new ArrayList<>();
        for (String pair : raw.split("&")) {
            String name = pair.split("=", 2)[0].toLowerCase(Locale.ROOT);
            if (!pair.isEmpty() && !name.startsWith("utm_") && !TRACKING.contains(name)) {
                kept.add(pair);
            }
        }
        return kept.isEmpty() ? null : String.join("&", kept);
    }
}
