package barometer.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import barometer.indexer.store.LuceneNewsIndex;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Kills an importing JVM (SIGKILL) in the middle of a file of the demo's articles, imports again, and counts:
 * every article stored exactly once, the resume starting where the saved progress said.
 */
class ImportKillTest {
    private static final Path DEMO = Path.of("../api/src/main/resources/META-INF/resources/demo");
    private static final int ARTICLES = 40;

    @Test
    void aKilledImportResumesAndStoresEveryArticleOnce(@TempDir Path dir) throws Exception {
        Path file = DemoArchives.jsonLines(DEMO, dir.resolve("demo.jsonl"), ARTICLES);
        Path data = dir.resolve("data");

        Process first = importer(file, data, dir.resolve("first.log"));
        long doneAtKill = waitForProgress(data, 5, first);
        first.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
        long saved = savedProgress(data);
        assertTrue(saved >= 5 && saved < ARTICLES, "killed mid-file: " + saved + " of " + ARTICLES + " saved");

        Process second = importer(file, data, dir.resolve("second.log"));
        assertTrue(second.waitFor(300, TimeUnit.SECONDS), "the resumed import finished");
        String report = Files.readString(dir.resolve("second.log"), StandardCharsets.UTF_8);
        assertEquals(0, second.exitValue(), report);
        try (LuceneNewsIndex index = new LuceneNewsIndex(data.resolve("index"))) {
            assertEquals(ARTICLES, index.articleCount(), "every article once");
        }
        long resumedFrom = Long.parseLong(report.replaceAll("(?s).*\\(resumed after (\\d+)\\).*", "$1"));
        assertEquals(saved, resumedFrom, report);
        System.out.printf("import kill test: killed with %d of %d saved as done (%d seen done before the kill), "
                + "resumed at %d, %d articles in the index; the resumed run: %s%n", saved, ARTICLES, doneAtKill,
                resumedFrom, ARTICLES, report.lines().filter(l -> l.contains("records read")).findFirst().orElse(""));
        assertEquals(ARTICLES, savedProgress(data));
    }

    private static Process importer(Path file, Path data, Path log) throws IOException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        return new ProcessBuilder(List.of(java, "-Xmx1200m", "-cp", System.getProperty("java.class.path"),
                "barometer.cli.ImportCommand", file.toString(), "-Dbarometer.data-dir=" + data))
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
    }

    private static long waitForProgress(Path data, long atLeast, Process p) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(240);
        while (System.nanoTime() < deadline && p.isAlive()) {
            long done = savedProgress(data);
            if (done >= atLeast) {
                return done;
            }
            Thread.sleep(50);
        }
        throw new AssertionError("the import saved no progress in time");
    }

    private static long savedProgress(Path data) throws IOException {
        Path state = data.resolve("import");
        if (!Files.isDirectory(state)) {
            return 0;
        }
        try (Stream<Path> files = Files.list(state)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".properties")).toList()) {
                Properties p = new Properties();
                try (var in = Files.newBufferedReader(f)) {
                    p.load(in);
                } catch (IOException partial) {
                    continue;
                }
                return Long.parseLong(p.getProperty("done", "0"));
            }
        }
        return 0;
    }
}
