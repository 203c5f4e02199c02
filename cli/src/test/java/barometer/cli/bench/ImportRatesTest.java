package barometer.cli.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;

import barometer.crawler.Article;
import barometer.indexer.SearchRequest;
import barometer.indexer.store.LuceneNewsIndex;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The benchmark's import archives measure a real import: every synthetic page of the WARC is extracted back to the
 * article it was written from (title, date, outlet and text), so the WARC rate includes a full extraction and
 * stores what the JSON lines store.
 */
class ImportRatesTest {
    private static final long SEED = 7;
    private static final int N = 25;

    @Test
    void bothArchivesImportEveryArticleAndTheWarcPagesExtractToTheirText(@TempDir Path dir) throws Exception {
        Path jsonl = ImportRates.syntheticJsonLines(new SyntheticCorpus(SEED, 500), N, dir.resolve("a.jsonl"));
        Path warc = ImportRates.syntheticWarc(new SyntheticCorpus(SEED, 500), N, dir.resolve("a.warc.gz"));

        ImportRates.Rate fromJsonl = ImportRates.importFile("jsonl", jsonl, dir.resolve("jsonl"), null, 2);
        ImportRates.Rate fromWarc = ImportRates.importFile("warc", warc, dir.resolve("warc"), null, 2);
        assertEquals(List.of((long) N, (long) N, 0L, 0L), List.of(fromJsonl.records(), fromJsonl.stored(),
                fromJsonl.alreadyStored(), fromJsonl.skipped()));
        assertEquals(List.of((long) N, (long) N, 0L, 0L), List.of(fromWarc.records(), fromWarc.stored(),
                fromWarc.alreadyStored(), fromWarc.skipped()));

        SyntheticCorpus corpus = new SyntheticCorpus(SEED, 500);
        List<String> written = new ArrayList<>();
        for (int i = 0; i < N; i++) {
            Article a = corpus.next(i).article();
            written.add(String.join("|", a.url(), a.title(), a.source(), a.published().toString(), a.text()));
        }
        assertEquals(written, stored(dir.resolve("jsonl")));
        assertEquals(written, stored(dir.resolve("warc")));
    }

    @Test
    void aSecondImportOfTheSameRecordsStoresNothing(@TempDir Path dir) throws Exception {
        Path jsonl = ImportRates.syntheticJsonLines(new SyntheticCorpus(SEED, 500), N, dir.resolve("a.jsonl"));
        ImportRates.importFile("first", jsonl, dir.resolve("data"), null, 2);
        Path copy = java.nio.file.Files.copy(jsonl, dir.resolve("b.jsonl"));

        ImportRates.Rate again = ImportRates.importFile("again", copy, dir.resolve("data"), null, 2);

        assertEquals(List.of((long) N, 0L, (long) N), List.of(again.records(), again.stored(), again.alreadyStored()));
    }

    /** url|title|source|published|text of every stored article, in the corpus's order. */
    private static List<String> stored(Path dataDir) {
        List<String[]> rows = new ArrayList<>();
        try (LuceneNewsIndex index = new LuceneNewsIndex(dataDir.resolve("index"))) {
            index.exportArticles(SearchRequest.of("", null, null, 1, 10), true, a -> rows.add(new String[] {
                a.url(), a.title(), a.source(), a.published().toString(), a.text().replaceAll("\\s+", " ").strip()}));
        }
        rows.sort(java.util.Comparator.comparingInt(r -> Integer.parseInt(r[0].substring(r[0].lastIndexOf('/') + 1))));
        return rows.stream().map(r -> String.join("|", r)).toList();
    }
}
