package barometer.indexer.story;

import java.util.List;
import java.util.Optional;

/**
 * Puts an article into the story of a stored near-duplicate (estimated Jaccard similarity of their shingles at
 * least {@link MinHash#SAME_STORY}), or starts a story of its own, named by its URL.
 *
 * <p>Backend-neutral: the store only answers which stored articles share a MinHash band with a signature
 * ({@link Candidates}); the recent articles are looked up in memory first ({@link RecentStories}), since copies of a
 * wire story tend to arrive together, before a store's searches can see the first one.
 */
public final class StoryAssignment {
    /** Stored articles the store offers as possible near-duplicates: URL, story and signature. */
    public record Candidate(String url, String story, int[] signature) {
    }

    /** How a store finds stored articles that share at least one MinHash band with a signature. */
    @FunctionalInterface
    public interface Candidates {
        /** Up to {@code limit} stored articles sharing a band with {@code signature}, best first. */
        List<Candidate> sharingBands(int[] signature, int limit);
    }

    /** An article's story, and its text's signature when the text is long enough to have one. */
    public record Assigned(String story, Optional<int[]> signature) {
    }

    /** Candidates read per article: the band query's best, enough for any wire story's copies. */
    public static final int CANDIDATES = 50;

    private final RecentStories recent;
    private final Candidates stored;

    public StoryAssignment(int recentCapacity, Candidates stored) {
        this.recent = new RecentStories(recentCapacity);
        this.stored = stored;
    }

    /** The story of an article about to be stored under {@code url} with this text; remembers it for the next. */
    public Assigned assign(String url, String text) {
        return assign(url, text, stored);
    }

    /**
     * The same, with the stored candidates from elsewhere: a store that looks up a whole batch's candidates in one
     * request hands each article its own.
     */
    public Assigned assign(String url, String text, Candidates candidates) {
        Optional<int[]> signature = MinHash.of(text);
        if (signature.isEmpty()) {
            return new Assigned(url, signature);
        }
        int[] sig = signature.get();
        String story = recent.storyOf(url, sig).orElseGet(() -> storedStoryOf(url, sig, candidates));
        recent.remember(url, story, sig);
        return new Assigned(story, signature);
    }

    private static String storedStoryOf(String url, int[] signature, Candidates stored) {
        for (Candidate c : stored.sharingBands(signature, CANDIDATES)) {
            if (!url.equals(c.url()) && c.signature() != null
                    && MinHash.similarity(signature, c.signature()) >= MinHash.SAME_STORY) {
                return c.story();
            }
        }
        return url;
    }
}
