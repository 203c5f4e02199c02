package barometer.crawler.fetch;

/**
 * What a server said identifies the version of a resource it sent, for conditional GET next time.
 *
 * @param etag the ETag header, or empty
 * @param lastModified the Last-Modified header, or empty
 */
public record Validators(String etag, String lastModified) {
    /** No validators: an unconditional request. */
    public static final Validators NONE = new Validators("", "");

    public Validators {
        etag = etag == null ? "" : etag.strip();
        lastModified = lastModified == null ? "" : lastModified.strip();
    }

    /** Whether there is anything to send. */
    public boolean isEmpty() {
        return etag.isEmpty() && lastModified.isEmpty();
    }
}
