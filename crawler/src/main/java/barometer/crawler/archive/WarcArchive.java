package barometer.crawler.archive;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Locale;
import org.netpreserve.jwarc.HttpResponse;
import org.netpreserve.jwarc.MediaType;
import org.netpreserve.jwarc.WarcReader;
import org.netpreserve.jwarc.WarcRecord;
import org.netpreserve.jwarc.WarcResource;
import org.netpreserve.jwarc.WarcResponse;

/**
 * WARC and WARC.gz through jwarc: each {@code response} record (an HTTP response) and {@code resource} record
 * is one candidate; those that are not a successful HTML page are reported as problems and skipped. Request,
 * metadata and warcinfo records are not candidates and are not numbered.
 */
final class WarcArchive implements ArchiveReader {
    /** A page larger than this is not an article (and would not fit the extractor's budget). */
    private static final int MAX_PAGE_BYTES = 10 * 1024 * 1024;

    @Override
    public void read(Path file, long skip, Visitor visitor) throws IOException {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ); WarcReader reader = new WarcReader(channel)) {
            reader.onWarning(w -> { });
            long ordinal = 0;
            while (true) {
                long position = reader.position();
                WarcRecord record;
                try {
                    var next = reader.next();
                    if (next.isEmpty()) {
                        return;
                    }
                    record = next.get();
                } catch (IOException | RuntimeException e) {
                    visitor.problem(ordinal, position, "unreadable WARC record: " + e.getMessage());
                    return; // the stream is out of step; nothing after this point can be trusted
                }
                if (!(record instanceof WarcResponse) && !(record instanceof WarcResource)) {
                    continue;
                }
                long number = ordinal++;
                visitor.progress(reader.position());
                if (number < skip) {
                    continue;
                }
                try {
                    read(record, number, position, visitor);
                } catch (IOException | RuntimeException e) {
                    visitor.problem(number, position, "unreadable record body: " + e.getMessage());
                }
            }
        }
    }

    private static void read(WarcRecord record, long ordinal, long position, Visitor visitor) throws IOException {
        String url = record instanceof WarcResponse response ? response.target() : ((WarcResource) record).target();
        MediaType type;
        byte[] body;
        if (record instanceof WarcResponse response) {
            HttpResponse http = response.http();
            if (http.status() != 200) {
                visitor.problem(ordinal, position, "HTTP " + http.status() + " for " + url);
                return;
            }
            type = http.contentType();
            body = http.body().stream().readNBytes(MAX_PAGE_BYTES + 1);
        } else {
            type = record.contentType();
            body = record.body().stream().readNBytes(MAX_PAGE_BYTES + 1);
        }
        String base = type == null ? "" : type.base().toString().toLowerCase(Locale.ROOT);
        if (!base.isEmpty() && !base.equals("text/html") && !base.equals("application/xhtml+xml")) {
            visitor.problem(ordinal, position, "not an HTML page (" + base + ") at " + url);
            return;
        }
        if (body.length > MAX_PAGE_BYTES) {
            visitor.problem(ordinal, position, "page larger than " + MAX_PAGE_BYTES + " bytes at " + url);
            return;
        }
        visitor.record(ordinal, new ArchiveRecord(position, url, body, "", null, "", "", List.of(), "",
                record.date()));
    }
}
