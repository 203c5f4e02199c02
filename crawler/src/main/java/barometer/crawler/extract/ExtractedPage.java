package barometer.crawler.extract;

import java.time.Instant;
import java.util.List;

/**
 * What an article page says about itself.
 *
 * @param title the headline, or empty
 * @param siteName the outlet's name as the page gives it, or empty
 * @param published the publication time, or {@code null} when the page gives none
 * @param text the main text, paragraphs separated by blank lines; empty when none was found
 * @param canonicalUrl the absolute http(s) address the page names as its own ({@code <link rel=canonical>}),
 *     or empty
 * @param modified the last modification time, or {@code null}
 * @param authors the authors' names, in page order, possibly none
 * @param language the page's language as a primary subtag ("en"), or empty when the markup names none
 * @param leadImage the lead image's absolute address, or empty
 * @param textSource where the text was found
 */
public record ExtractedPage(String title, String siteName, Instant published, String text, String canonicalUrl,
        Instant modified, List<String> authors, String language, String leadImage, TextSource textSource) {
    public ExtractedPage {
        authors = List.copyOf(authors == null ? List.of() : authors);
        language = language == null ? "" : language;
        leadImage = leadImage == null ? "" : leadImage;
        textSource = textSource == null ? (text == null || text.isEmpty() ? TextSource.NONE : TextSource.MARKUP)
                : textSource;
    }

    /** A page with text, title, site and dates only. */
    public ExtractedPage(String title, String siteName, Instant published, String text, String canonicalUrl) {
        this(title, siteName, published, text, canonicalUrl, null, List.of(), "", "", null);
    }
}
