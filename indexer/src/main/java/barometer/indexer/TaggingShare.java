package barometer.indexer;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * Which part of the tagging queue one process works through, when several workers share one cluster: the articles
 * are spread over {@link #SLOTS} slots by a hash of their URL, and part {@code part} of {@code parts} takes an equal
 * run of slots. Each worker takes its part by its place among the live workers, so that no article is tagged by two
 * of them; when a worker dies the others' parts grow to cover its slots.
 *
 * @param part this process's part, from 0
 * @param parts how many parts the queue is cut into (the live workers)
 */
public record TaggingShare(int part, int parts) {
    /** Slots the URLs are spread over: enough for even parts with many workers, few enough for a range query. */
    public static final int SLOTS = 4096;

    /** The whole queue: the one process of the embedded index, or a worker alone. */
    public static final TaggingShare ALL = new TaggingShare(0, 1);

    public TaggingShare {
        if (parts < 1 || parts > SLOTS || part < 0 || part >= parts) {
            throw new IllegalArgumentException("part " + part + " of " + parts + " is not a share of the queue");
        }
    }

    /** The first slot of this part. */
    public int fromSlot() {
        return (int) ((long) part * SLOTS / parts);
    }

    /** The slot after this part's last. */
    public int toSlot() {
        return (int) ((long) (part + 1) * SLOTS / parts);
    }

    /** Whether an article with this URL is in this part. */
    public boolean holds(String url) {
        int slot = slot(url);
        return slot >= fromSlot() && slot < toSlot();
    }

    /** The slot of an article's URL: the first 12 bits of its SHA-256, the same on every process and backend. */
    public static int slot(String url) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(url.getBytes(StandardCharsets.UTF_8));
            return ((hash[0] & 0xff) << 4) | ((hash[1] & 0xff) >>> 4);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
