package barometer.indexer;

/**
 * A query from a user that cannot be answered as asked: unparseable syntax, a bad range, too many buckets.
 * The message says what is wrong; the hint says how to fix it. The API turns it into a 400 response.
 */
public final class InvalidQueryException extends RuntimeException {
    private final String hint;

    public InvalidQueryException(String message, String hint) {
        super(message);
        this.hint = hint;
    }

    /** How the user can fix the query. */
    public String hint() {
        return hint;
    }
}
