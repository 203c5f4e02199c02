package barometer.api.alert;

import com.rometools.rome.feed.synd.SyndContent;
import com.rometools.rome.feed.synd.SyndContentImpl;
import com.rometools.rome.feed.synd.SyndEntry;
import com.rometools.rome.feed.synd.SyndEntryImpl;
import com.rometools.rome.feed.synd.SyndFeed;
import com.rometools.rome.feed.synd.SyndFeedImpl;
import com.rometools.rome.feed.synd.SyndLink;
import com.rometools.rome.feed.synd.SyndLinkImpl;
import com.rometools.rome.io.FeedException;
import com.rometools.rome.io.SyndFeedOutput;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;

/**
 * A saved search's alerts as an Atom 1.0 feed (written by Rome), the no-account way every feed reader follows: one
 * entry per alert, newest first, its id a tag URI of the search and the alert's key, so readers never show one
 * alert twice.
 */
public final class AlertFeed {
    private AlertFeed() {
    }

    /**
     * @param base the service's address ({@code https://host}), for the entries' links
     */
    public static String atom(SavedSearch search, List<Alert> alerts, String base) {
        SyndFeed feed = new SyndFeedImpl();
        feed.setFeedType("atom_1.0");
        feed.setTitle("Barometer alerts: " + (search.name().isEmpty() ? search.q() : search.name()));
        feed.setDescription("Alerts of the saved search " + search.id() + " (rule " + search.rule().label()
                + ", per " + search.interval() + ")");
        feed.setUri("tag:barometer," + search.created().toString().substring(0, 10) + ":saved-search/" + search.id());
        feed.setLink(base + "/api/alerts/" + search.id() + ".atom");
        SyndLink self = new SyndLinkImpl();
        self.setRel("self");
        self.setHref(base + "/api/alerts/" + search.id() + ".atom");
        self.setType("application/atom+xml");
        feed.setLinks(List.of(self));
        feed.setAuthor("Barometer");
        feed.setPublishedDate(Date.from(alerts.isEmpty() ? search.created() : alerts.get(0).detected()));
        List<SyndEntry> entries = new ArrayList<>();
        for (Alert a : alerts) {
            SyndEntry e = new SyndEntryImpl();
            e.setUri(feed.getUri() + "/" + a.key());
            e.setTitle(a.message());
            e.setLink(base + a.link());
            e.setUpdatedDate(Date.from(a.detected()));
            e.setPublishedDate(Date.from(a.detected()));
            SyndContent content = new SyndContentImpl();
            content.setType("text");
            content.setValue(a.message() + " (rule " + a.rule().label() + ", period " + a.period() + ")");
            e.setContents(List.of(content));
            entries.add(e);
        }
        feed.setEntries(entries);
        try {
            return new SyndFeedOutput().outputString(feed);
        } catch (FeedException e) {
            throw new IllegalStateException("cannot write the Atom feed of " + search.id(), e);
        }
    }
}
