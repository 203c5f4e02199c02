package barometer.crawler.feed;

/** A fetched resource is not a feed that can be read. */
public final class FeedException extends RuntimeException {
    public FeedException(String message, Throwable cause) {
        super(message, cause);
    }
}
