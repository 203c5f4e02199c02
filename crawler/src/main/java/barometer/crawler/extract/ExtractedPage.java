package barometer.crawler.extract;

import java.time.Instant;

/**
 * What an article page says about itself.
 *
 * @param title the headline, or empty
 * @param siteName the outlet's name as the page gives it, or empty
 * @param published the publication time, or {@code null} when the page gives none
 * @param text the main text, paragraphs separated by blank lines; empty when none was found
 * @param canonicalUrl the absolute http(s) address the page names as its own ({@code <link rel=canonical>}),
 *     or empty
 */
public record ExtractedPage(String title, String siteName, Instant published, String text, String canonicalUrl) {
}
