package barometer.indexer.store;

import static org.junit.jupiter.api.Assertions.assertEquals;

import barometer.crawler.poll.Poll;
import barometer.crawler.poll.PollEvidence;
import barometer.crawler.poll.Population;
import barometer.indexer.PollFilter;
import barometer.indexer.PollsAdded;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PollStorageTest {
    @TempDir
    Path folder;

    private static Poll report(String source, Integer sampleSize, Double margin) {
        return new Poll("Ipsos", List.of("Reuters"), LocalDate.of(2017, 1, 12), LocalDate.of(2017, 1, 24), null,
                sampleSize, Population.ADULTS, null, margin, "California", "calexit", null,
                Map.of("support", 32.0), List.of(source),
                List.of(new PollEvidence("answers.support", "32.0", "32% support", source, 1.0)), true, false, "");
    }

    @Test
    void reportsOfOnePollMergeKeepingEverySourceAndValue() {
        try (LuceneNewsIndex index = new LuceneNewsIndex(folder)) {
            assertEquals(new PollsAdded(1, 0, 0), index.addPolls(List.of(report("http://a/1", 1000, null))));
            assertEquals(new PollsAdded(0, 1, 0), index.addPolls(List.of(report("http://b/2", null, 3.5))));
            index.commit();
        }
        try (LuceneNewsIndex reopened = new LuceneNewsIndex(folder)) {
            List<Poll> polls = reopened.polls(PollFilter.ALL);
            assertEquals(1, polls.size());
            Poll p = polls.get(0);
            assertEquals(List.of("http://a/1", "http://b/2"), p.sources());
            assertEquals(1000, p.sampleSize());
            assertEquals(3.5, p.marginOfError());
            assertEquals(2, p.evidence().size());
        }
    }

    @Test
    void storingThePollAgainChangesNothing() {
        try (LuceneNewsIndex index = new LuceneNewsIndex(folder)) {
            index.addPolls(List.of(report("f.csv", 1000, 3.5)));
            assertEquals(new PollsAdded(0, 0, 1), index.addPolls(List.of(report("f.csv", 1000, 3.5))));
            assertEquals(1, index.polls(PollFilter.ALL).size());
        }
    }

    @Test
    void filtersByTopicPopulationAndDay() {
        try (LuceneNewsIndex index = new LuceneNewsIndex(folder)) {
            index.addPolls(List.of(report("f.csv", 1000, 3.5)));
            assertEquals(1, index.polls(new PollFilter("calexit", "ipsos", Population.ADULTS,
                    LocalDate.of(2017, 1, 24), LocalDate.of(2017, 1, 24), false)).size());
            assertEquals(0, index.polls(new PollFilter("texit", null, null, null, null, true)).size());
            assertEquals(0, index.polls(new PollFilter(null, null, Population.LIKELY_VOTERS, null, null, true)).size());
            assertEquals(0, index.polls(new PollFilter(null, null, null, LocalDate.of(2017, 1, 25), null, true)).size());
        }
    }

    @Test
    void aSchemaRebuildKeepsThePolls() {
        try (LuceneNewsIndex old = LuceneNewsIndex.withSchema(folder, 1)) {
            old.addPolls(List.of(report("f.csv", 1000, 3.5)));
            old.commit();
        }
        try (LuceneNewsIndex rebuilt = new LuceneNewsIndex(folder)) {
            assertEquals(List.of("f.csv"), rebuilt.polls(PollFilter.ALL).get(0).sources());
        }
    }
}
