package barometer.crawler.archive;

import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.zip.GZIPInputStream;

/**
 * CSV with a header row ({@link ArchiveFields} names the columns; quoted fields may span lines). A row that
 * lacks a URL or text is a problem at its line; a file whose quoting cannot be read stops at that line.
 */
final class CsvArchive implements ArchiveReader {
    private static final CsvMapper CSV = new CsvMapper();

    @Override
    public void read(Path file, long skip, Visitor visitor) throws IOException {
        CsvSchema schema = CsvSchema.emptySchema().withHeader();
        try (JsonLinesArchive.Counting raw = new JsonLinesArchive.Counting(Files.newInputStream(file));
             InputStream in = file.toString().endsWith(".gz") ? new GZIPInputStream(raw, 65536) : raw;
             Reader reader = new InputStreamReader(in, StandardCharsets.UTF_8);
             MappingIterator<Map<String, String>> rows = CSV.readerForMapOf(String.class).with(schema)
                     .with(CsvParser.Feature.SKIP_EMPTY_LINES).readValues(reader)) {
            long ordinal = 0;
            while (true) {
                long line = rows.getCurrentLocation() == null ? 0 : rows.getCurrentLocation().getLineNr();
                Map<String, String> row;
                try {
                    if (!rows.hasNextValue()) {
                        return;
                    }
                    row = rows.nextValue();
                } catch (RuntimeException | IOException e) {
                    visitor.problem(ordinal, line, "unreadable CSV: " + e.getMessage().lines().findFirst().orElse(""));
                    return;
                }
                long number = ordinal++;
                visitor.progress(raw.count);
                if (number < skip) {
                    continue;
                }
                Map<String, String> values = new HashMap<>();
                row.forEach((k, v) -> values.putIfAbsent(ArchiveFields.key(k), v));
                String[] problem = new String[1];
                ArchiveRecord record = ArchiveFields.record(line + 1, values::get, problem);
                if (record == null) {
                    visitor.problem(number, line + 1, problem[0]);
                } else {
                    visitor.record(number, record);
                }
            }
        }
    }
}
