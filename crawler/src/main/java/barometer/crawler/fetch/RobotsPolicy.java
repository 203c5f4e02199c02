package barometer.crawler.fetch;

import crawlercommons.robots.BaseRobotRules;
import crawlercommons.robots.SimpleRobotRules;
import crawlercommons.robots.SimpleRobotRulesParser;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.jboss.logging.Logger;

/**
 * Honours each host's robots.txt, read once per host with the crawler's own fetcher (so through the same
 * politeness and the same address checks as the pages) and parsed by crawler-commons. A missing robots.txt (4xx)
 * allows everything; a server error or no answer means "not now": nothing on that host is fetched until the rules
 * can be read (the next crawl tries again). The host's Crawl-delay goes to the fetcher's {@link HostGate}.
 */
public final class RobotsPolicy {
    private static final Logger LOG = Logger.getLogger(RobotsPolicy.class);
    private static final BaseRobotRules ALLOW_ALL = new SimpleRobotRules(SimpleRobotRules.RobotRulesMode.ALLOW_ALL);
    private static final BaseRobotRules WAIT = new SimpleRobotRules(SimpleRobotRules.RobotRulesMode.ALLOW_NONE);

    private final Fetcher fetcher;
    private final String agent;
    private final SimpleRobotRulesParser parser = new SimpleRobotRulesParser();
    private final Map<String, BaseRobotRules> byHost = new ConcurrentHashMap<>();
    private final Map<String, Object> reading = new ConcurrentHashMap<>();

    /**
     * @param agent the product token that robots.txt groups are matched against, e.g. "barometer"
     */
    public RobotsPolicy(Fetcher fetcher, String agent) {
        this.fetcher = fetcher;
        this.agent = agent;
    }

    /**
     * Whether the host's robots.txt lets Barometer fetch this address; the first address of a host reads its
     * robots.txt with the given reach.
     *
     * @throws FetchException when robots.txt itself may not be fetched with that reach (it is then not cached)
     */
    public boolean allows(URI uri, Reach reach) throws FetchException {
        return rules(uri, reach).isAllowed(uri.toString());
    }

    private BaseRobotRules rules(URI uri, Reach reach) throws FetchException {
        String host = HostGate.hostKey(uri);
        BaseRobotRules known = byHost.get(host);
        if (known != null) {
            return known;
        }
        // One reader per host; the others wait for its answer instead of asking the host again.
        synchronized (reading.computeIfAbsent(host, h -> new Object())) {
            known = byHost.get(host);
            if (known == null) {
                known = read(uri, reach);
                byHost.put(host, known);
            }
            return known;
        }
    }

    private BaseRobotRules read(URI page, Reach reach) throws FetchException {
        URI robots = page.resolve("/robots.txt");
        BaseRobotRules rules;
        try {
            FetchedResource r = fetcher.fetch(robots, Validators.NONE, reach).orElseThrow();
            rules = parser.parseContent(robots.toString(), r.body(), r.contentType(), List.of(agent));
        } catch (FetchException e) {
            if (e.refused()) {
                throw e;
            }
            if (e.status() >= 400 && e.status() < 500) {
                return ALLOW_ALL;
            }
            LOG.warnf("robots.txt of %s unreadable (%s): not crawling that host this time", robots, e.getMessage());
            return WAIT;
        }
        long ms = rules.getCrawlDelay();
        fetcher.gate().crawlDelay(page, ms == BaseRobotRules.UNSET_CRAWL_DELAY || ms < 0 ? Duration.ZERO
                : Duration.ofMillis(ms));
        return rules;
    }
}
