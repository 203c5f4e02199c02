package barometer.api.snapshot;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CitationTest {

    private static Snapshot snapshot(String title) {
        Map<String, List<String>> parameters = new LinkedHashMap<>();
        parameters.put("q", List.of("secession", "calexit"));
        parameters.put("interval", List.of("year"));
        return new Snapshot("abcdefghjk", SnapshotKind.TREND, title, parameters, Instant.parse("2026-12-02T09:30:00Z"),
                41, 60, "Barometer 0.1.0 (commit abc1234)", null, null, "");
    }

    @Test
    void bibtexNamesThePermalinkTheDayAndWhatMadeTheAnswer() {
        assertEquals("""
                @misc{barometer-abcdefghjk,
                  title = {Secession coverage},
                  author = {{Barometer}},
                  year = {2026},
                  month = {dec},
                  howpublished = {\\url{https://barometer.example/s/abcdefghjk}},
                  url = {https://barometer.example/s/abcdefghjk},
                  urldate = {2026-12-02},
                  note = {Barometer snapshot of /api/trends with q=secession, q=calexit, interval=year; index version 41 (60 articles); Barometer 0.1.0 (commit abc1234)}
                }
                """, new Citation(snapshot("Secession coverage"), "https://barometer.example/s/abcdefghjk").bibtex());
    }

    @Test
    void aTitleCannotBreakTheBibtexEntry() {
        String bib = new Citation(snapshot("50% of {all} & more_\\}"), "https://b.example/s/abcdefghjk").bibtex();
        assertEquals("  title = {50\\% of \\{all\\} \\& more\\_\\textbackslash{}\\}},", bib.lines().toList().get(1));
    }

    @Test
    void cslJsonIsADatasetItemWithItsDates() {
        var item = new Citation(snapshot("Secession coverage"), "https://barometer.example/s/abcdefghjk").csl().get(0);
        assertEquals("dataset", item.get("type"));
        assertEquals("barometer-abcdefghjk", item.get("id"));
        assertEquals(Map.of("date-parts", List.of(List.of(2026, 12, 2))), item.get("issued"));
        assertEquals("index 41; Barometer 0.1.0 (commit abc1234)", item.get("version"));
        assertEquals("https://barometer.example/s/abcdefghjk", item.get("URL"));
    }
}
