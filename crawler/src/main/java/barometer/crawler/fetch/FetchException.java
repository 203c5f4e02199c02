package barometer.crawler.fetch;

import java.net.URI;

/** A resource could not be fetched: network failure, timeout, an error status, or a body over the limit. */
public final class FetchException extends Exception {
    private final URI uri;
    private final int status;
    private final boolean refused;

    public FetchException(URI uri, String message) {
        this(uri, 0, message);
    }

    /** A failure with the HTTP status the server answered (0 when there was no answer). */
    public FetchException(URI uri, int status, String message) {
        super(message);
        this.uri = uri;
        this.status = status;
        this.refused = false;
    }

    public FetchException(URI uri, String message, Throwable cause) {
        super(message, cause);
        this.uri = uri;
        this.status = 0;
        this.refused = false;
    }

    private FetchException(URI uri, String message, boolean refused) {
        super(message);
        this.uri = uri;
        this.status = 0;
        this.refused = refused;
    }

    /** The address may not be fetched at all (an internal address where only public ones may be reached). */
    public static FetchException refused(URI uri, String reason) {
        return new FetchException(uri, "refused: " + reason, true);
    }

    /** Whether the address was refused before anything was sent (see {@link #refused(URI, String)}). */
    public boolean refused() {
        return refused;
    }

    /** The HTTP status of the answer, or 0 when the server gave none (network failure, timeout). */
    public int status() {
        return status;
    }

    /** Whether trying again later may succeed: no answer, a timeout, 429 or a 5xx. A 4xx will not change. */
    public boolean transientFailure() {
        return !refused && (status == 0 || status == 429 || status >= 500);
    }

    /** The address that was asked for. */
    public URI uri() {
        return uri;
    }
}
