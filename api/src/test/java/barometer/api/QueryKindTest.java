package barometer.api;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class QueryKindTest {

    private static List<String> sentences(String... texts) {
        return List.of(texts);
    }

    @Test
    void aPersonIsCapitalisedBesideAFirstNameOrTitle() {
        assertEquals(QueryKind.NAME, QueryKind.of("newsom", sentences("On Monday Governor Newsom said no.",
                "Critics of Gavin Newsom agreed.", "A spokesman for Newsom declined.", "The plan, Newsom Jr. said, works.")));
        assertEquals(QueryKind.NAME, QueryKind.of("gavin newsom", sentences("Yesterday Gavin Newsom spoke.",
                "Aides to Gavin Newsom left.", "Then Gavin Newsom won.")));
    }

    @Test
    void aCoinedOrIssueWordIsNotAName() {
        assertEquals(QueryKind.WORD, QueryKind.of("calexit", sentences("The Calexit campaign grew.",
                "Backers of Calexit rallied.", "A poll on Calexit showed 32%.")));
        assertEquals(QueryKind.WORD, QueryKind.of("secession", sentences("Talk of secession grew.",
                "The secession vote failed.", "Support for secession fell.")));
        assertEquals(QueryKind.WORD, QueryKind.of("newsom", sentences("Governor Newsom spoke.")), "too few to tell");
    }
}
