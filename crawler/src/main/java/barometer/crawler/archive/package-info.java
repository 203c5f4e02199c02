/**
 * News archives as a source: WARC files (CC-NEWS, Media Cloud), JSON lines and CSV exports (news-please, research
 * corpora) read record by record into {@link barometer.crawler.Article}s through the crawler's own extraction, with
 * resumable progress ({@link barometer.crawler.archive.ArchiveImport}).
 */
package barometer.crawler.archive;
