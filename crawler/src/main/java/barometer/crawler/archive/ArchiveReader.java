package barometer.crawler.archive;

import java.io.IOException;
import java.nio.file.Path;

/**
 * Reads the records of one archive file in order. Records are numbered from 0 in the order the file holds them;
 * a reader asked to skip {@code n} passes over the first n without handing them out, so an import resumes by
 * number whatever the format.
 */
public interface ArchiveReader {

    /** What a reader hands out. */
    interface Visitor {
        /** Record {@code ordinal} of the file. */
        void record(long ordinal, ArchiveRecord record);

        /** Record {@code ordinal}, at {@code position}, could not be read: skipped for {@code reason}. */
        void problem(long ordinal, long position, String reason);

        /** How far into the file the reader is, in bytes (for a rate and an ETA). */
        default void progress(long bytesRead) {
        }
    }

    /** Reads the file from record {@code skip} on. */
    void read(Path file, long skip, Visitor visitor) throws IOException;

    /** The reader for a format. */
    static ArchiveReader of(ArchiveFormat format) {
        return switch (format) {
            case WARC -> new WarcArchive();
            case JSON_LINES -> new JsonLinesArchive();
            case CSV -> new CsvArchive();
        };
    }
}
