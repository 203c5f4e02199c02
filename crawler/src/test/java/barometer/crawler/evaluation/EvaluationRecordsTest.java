package barometer.crawler.evaluation;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EvaluationRecordsTest {

    @Test
    void aRecordIsNamedByItsDataSetAndReadBackAsWritten(@TempDir Path dir) throws Exception {
        Path shared = dir.resolve("shared"), data = shared.resolve("sentiment/sst5-dev.tsv");
        Files.createDirectories(data.getParent());
        Files.writeString(data, "2\tok\n");
        Files.writeString(dir.resolve("datasets.json"), "{\"shared/sentiment/sst5-dev.tsv\": {\"name\": \"SST-5 dev\","
                + " \"tuning\": \"UNSEEN\", \"appliesTo\": \"sentences\", \"note\": \"Dev split.\"}}");
        EvaluationRecords records = new EvaluationRecords(dir);
        DataSets.DataSet set = DataSets.read(dir, shared, dir).of(data);
        assertEquals(new DataSets.DataSet("SST-5 dev", Tuning.UNSEEN, "sentences", "Dev split."), set);

        EvaluationRecord written = new EvaluationRecord("eval-sentiment--sentence--sst-5-dev", "cmd", "tagger",
                set.appliesTo(), set.name(), 1101, java.time.LocalDate.of(2026, 12, 1), "abc1234", set.tuning(),
                set.note(), List.of(new Figure("accuracy, 5 classes", 0.3951)));
        records.write(written);

        assertEquals(List.of(written), records.readAll());
        assertEquals(0.3951, records.readAll().get(0).value("accuracy, 5 classes"));
        assertEquals("sst-5-dev", EvaluationRecords.slug("SST-5 dev"));
    }

    @Test
    void aDataSetNobodyRegisteredIsUnknownAndNamedByItsPath(@TempDir Path dir) {
        DataSets.DataSet set = DataSets.read(dir, dir.resolve("shared"), dir).of(dir.resolve("mine/polls.csv"));
        assertEquals(new DataSets.DataSet("mine/polls.csv", Tuning.UNKNOWN, "", ""), set);
    }
}
