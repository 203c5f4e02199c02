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
 * Honours each host's robots.txt, read once per host with the crawler's own fetcher and parsed by
 * crawler-commons. A missing robots.txt (4xx) allows everything; a server error or no answer means
 * "not now": nothing on that host is fetched until the rules can be read (the next crawl tries again).
 */
public final class RobotsPolicy {
    private static final Logger LOG = Logger.getLogger(RobotsPolicy.class);
    private static final BaseRobotRules ALLOW_ALL = new SimpleRobotRules(SimpleRobotRules.RobotRulesMode.ALLOW_ALL);
    private static final BaseRobotRules WAIT = new SimpleRobotRules(SimpleRobotRules.RobotRulesMode.ALLOW_NONE);

    private final Fetcher fetcher;
    private final String agent;
    private final SimpleRobotRulesParser parser = new SimpleRobotRulesParser();
    private final Map<String, BaseRobotRules> byHost = new ConcurrentHashMap<>();

    /**
     * @param agent the product token that robots.txt groups are matched against, e.g. "barometer"
     */
    public RobotsPolicy(Fetcher fetcher, String agent) {
        this.fetcher = fetcher;
        this.agent = agent;
    }

    /** Whether the host's robots.txt lets Barometer fetch this address. */
    public boolean allows(URI uri) {
        return rules(uri).isAllowed(uri.toString());
    }

    /** The Crawl-delay the host asks for, or zero. */
    public Duration crawlDelay(URI uri) {
        long ms = rules(uri).getCrawlDelay();
        return ms == BaseRobotRules.UNSET_CRAWL_DELAY || ms < 0 ? Duration.ZERO : Duration.ofMillis(ms);
    }

    private BaseRobotRules rules(URI uri) {
        return byHost.computeIfAbsent(HostPacer.hostKey(uri), host -> read(uri));
    }

    private BaseRobotRules read(URI page) {
        URI robots = page.resolve("/robots.txt");
        try {
            FetchedResource r = fetcher.fetch(robots);
            return parser.parseContent(robots.toString(), r.body(), r.contentType(), List.of(agent));
        } catch (FetchException e) {
            if (e.status() >= 400 && e.status() < 500) {
                return ALLOW_ALL;
            }
            LOG.warnf("robots.txt of %s unreadable (%s): not crawling that host this time", robots, e.getMessage());
            return WAIT;
        }
    }
}
