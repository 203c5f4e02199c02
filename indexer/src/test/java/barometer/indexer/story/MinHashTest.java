package barometer.indexer.story;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class MinHashTest {
    private static final String STORY = "Support for California independence fell to 24 percent in a survey released "
            + "on Tuesday, the pollster said, as the campaign struggled after its leader left the country and "
            + "volunteers said they felt betrayed by the sudden end of the petition drive. Opponents called the "
            + "result proof that the idea had never been serious.";

    @Test
    void aLightlyEditedCopyIsTheSameStory() {
        int[] original = MinHash.of(STORY).orElseThrow();
        int[] edited = MinHash.of(STORY.replace("Tuesday", "Wednesday")).orElseThrow();

        double similarity = MinHash.similarity(original, edited);
        assertTrue(similarity >= MinHash.SAME_STORY, "similarity " + similarity);
        assertTrue(MinHash.bands(original).stream().anyMatch(MinHash.bands(edited)::contains), "they share a band");
    }

    @Test
    void differentStoriesAreNot() {
        int[] a = MinHash.of(STORY).orElseThrow();
        int[] b = MinHash.of("Heavy rain closed roads and flooded fields across the valley over the weekend, and "
                + "emergency crews rescued several drivers whose cars were trapped by rising water near the river "
                + "while forecasters said more storms were on the way.").orElseThrow();

        assertTrue(MinHash.similarity(a, b) < 0.2, "similarity " + MinHash.similarity(a, b));
    }

    @Test
    void shortTextsAreNotClustered() {
        assertTrue(MinHash.of("Too short to tell a copy from a coincidence.").isEmpty());
    }

    @Test
    void signaturesSurviveStorage() {
        int[] s = MinHash.of(STORY).orElseThrow();

        assertArrayEquals(s, MinHash.fromBytes(MinHash.toBytes(s), 0));
    }
}
