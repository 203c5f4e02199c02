package barometer.api;

import static org.junit.jupiter.api.Assertions.assertEquals;

import jakarta.ws.rs.core.Response;
import java.util.List;
import org.junit.jupiter.api.Test;

class CsvExportTest {
    /** A row with a crawled title and a number that may be negative. */
    @com.fasterxml.jackson.annotation.JsonPropertyOrder({"title", "tone"})
    record Row(String title, double tone) {
    }

    @Test
    void textThatASpreadsheetWouldRunIsNeutralisedAndNumbersAreNot() {
        Response r = CsvExport.of(Row.class, List.of(new Row("=HYPERLINK(\"http://x\",\"y\")", -0.5),
                new Row("+1 for Calexit", 0.25), new Row("-secession", 1), new Row("@poll", 2),
                new Row("Plain, with a comma", -1)), "t.csv");

        assertEquals("title,tone\n"
                + "\"'=HYPERLINK(\"\"http://x\"\",\"\"y\"\")\",-0.5\n"
                + "\"'+1 for Calexit\",0.25\n"
                + "\"'-secession\",1.0\n"
                + "\"'@poll\",2.0\n"
                + "\"Plain, with a comma\",-1.0\n", r.getEntity());
    }
}
