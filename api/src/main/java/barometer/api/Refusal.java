package barometer.api;

import jakarta.ws.rs.core.Response;

/**
 * A request the API will not answer as asked, of one {@link Kind}; {@link ErrorMapper} turns it into that kind's
 * status with the JSON body every refusal has ({@code {"error": ..., "hint": ...}}). A query the index cannot run
 * arrives as {@link barometer.indexer.InvalidQueryException} instead, which is a {@link Kind#BAD_REQUEST}.
 */
final class Refusal extends RuntimeException {

    /** The kinds of refusal, each with its HTTP status. */
    enum Kind {
        BAD_REQUEST(Response.Status.BAD_REQUEST),
        UNAUTHORIZED(Response.Status.UNAUTHORIZED),
        FORBIDDEN(Response.Status.FORBIDDEN),
        NOT_FOUND(Response.Status.NOT_FOUND),
        CONFLICT(Response.Status.CONFLICT),
        TOO_LARGE(Response.Status.REQUEST_ENTITY_TOO_LARGE),
        URI_TOO_LONG(Response.Status.REQUEST_URI_TOO_LONG),
        NOT_IMPLEMENTED(Response.Status.NOT_IMPLEMENTED);

        final Response.Status status;

        Kind(Response.Status status) {
            this.status = status;
        }
    }

    private final Kind kind;
    private final String hint;

    Refusal(Kind kind, String message, String hint) {
        super(message, null, false, false);
        this.kind = kind;
        this.hint = hint;
    }

    Kind kind() {
        return kind;
    }

    String hint() {
        return hint;
    }
}
