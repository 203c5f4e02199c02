package barometer.crawler.fetch;

import java.net.URI;

/** A resource could not be fetched: network failure, timeout, an error status, or a body over the limit. */
public final class FetchException extends Exception {
    private final URI uri;

    public FetchException(URI uri, String message) {
        super(message);
        this.uri = uri;
    }

    public FetchException(URI uri, String message, Throwable cause) {
        super(message, cause);
        this.uri = uri;
    }

    /** The address that was asked for. */
    public URI uri() {
        return uri;
    }
}
