package barometer.crawler.fetch;

import java.net.URI;

/** A resource could not be fetched: network failure, timeout, an error status, or a body over the limit. */
public final class FetchException extends Exception {
    private final URI uri;
    private final int status;

    public FetchException(URI uri, String message) {
        this(uri, 0, message);
    }

    /** A failure with the HTTP status the server answered (0 when there was no answer). */
    public FetchException(URI uri, int status, String message) {
        super(message);
        this.uri = uri;
        this.status = status;
    }

    public FetchException(URI uri, String message, Throwable cause) {
        super(message, cause);
        this.uri = uri;
        this.status = 0;
    }

    /** The HTTP status of the answer, or 0 when the server gave none (network failure, timeout). */
    public int status() {
        return status;
    }

    /** Whether trying again later may succeed: no answer, a timeout, 429 or a 5xx. A 4xx will not change. */
    public boolean transientFailure() {
        return status == 0 || status == 429 || status >= 500;
    }

    /** The address that was asked for. */
    public URI uri() {
        return uri;
    }
}
