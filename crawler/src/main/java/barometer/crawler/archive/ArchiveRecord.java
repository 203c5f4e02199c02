package barometer.crawler.archive;

import java.time.Instant;
import java.util.List;

/**
 * One record of an archive: an HTML page to extract, or an article already reduced to text.
 *
 * @param position where it starts: a byte offset in WARC and JSON-lines files, a line number in CSV
 * @param url its address
 * @param html the page's bytes (WARC), or {@code null} when the record carries text
 * @param title the headline, or empty (then read from the page)
 * @param published when it was published, or {@code null} (then read from the page, else the capture time)
 * @param text the main text (JSON lines, CSV), or empty when {@code html} is given
 * @param source the outlet, or empty
 * @param authors the byline, possibly none
 * @param language the language subtag, or empty
 * @param captured when an archive captured the page (WARC-Date), or {@code null}
 */
public record ArchiveRecord(long position, String url, byte[] html, String title, Instant published, String text,
        String source, List<String> authors, String language, Instant captured) {
    public ArchiveRecord {
        title = title == null ? "" : title.strip();
        text = text == null ? "" : text;
        source = source == null ? "" : source.strip();
        authors = List.copyOf(authors == null ? List.of() : authors);
        language = language == null ? "" : language.strip();
    }
}
