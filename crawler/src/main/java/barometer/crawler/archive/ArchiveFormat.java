package barometer.crawler.archive;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;

/** The kinds of archive file Barometer reads, told apart by their name. */
public enum ArchiveFormat {
    /** WARC 1.0/1.1, plain or gzipped per record ({@code .warc}, {@code .warc.gz}): response and resource records. */
    WARC,
    /** One JSON object per line ({@code .jsonl}, {@code .ndjson}, {@code .json}, optionally {@code .gz}). */
    JSON_LINES,
    /** Comma-separated values with a header row naming the columns ({@code .csv}, optionally {@code .gz}). */
    CSV;

    /** The format of a file by its name, or empty when Barometer does not read it. */
    public static Optional<ArchiveFormat> of(Path file) {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        if (name.endsWith(".gz")) {
            name = name.substring(0, name.length() - 3);
        }
        if (name.endsWith(".warc") || name.endsWith(".arc")) {
            return Optional.of(WARC);
        }
        if (name.endsWith(".jsonl") || name.endsWith(".ndjson") || name.endsWith(".json")) {
            return Optional.of(JSON_LINES);
        }
        if (name.endsWith(".csv")) {
            return Optional.of(CSV);
        }
        return Optional.empty();
    }
}
