package barometer.api;

import barometer.indexer.InvalidQueryException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.UUID;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * The one place where failures become HTTP answers, all with the same JSON body: a refusal ({@link Refusal}, a bad
 * query) is the user's 4xx with what is wrong and how to fix it; anything else is a bug, logged with an id and
 * answered 500 with that id, never passed off as the user's error.
 */
class ErrorMapper {
    private static final Logger LOG = Logger.getLogger(ErrorMapper.class);

    /** The JSON body of every error answer. */
    record ErrorBody(String error, String hint) {
    }

    static Response answer(Response.Status status, String message, String hint) {
        return Response.status(status).type(MediaType.APPLICATION_JSON_TYPE).entity(new ErrorBody(message, hint))
                .build();
    }

    @ServerExceptionMapper
    Response invalidQuery(InvalidQueryException e) {
        return answer(Response.Status.BAD_REQUEST, e.getMessage(), e.hint());
    }

    @ServerExceptionMapper
    Response refusal(Refusal e) {
        return answer(e.kind().status, e.getMessage(), e.hint());
    }

    /** What the REST layer refuses itself: no such path, method or media type, an unreadable body. */
    @ServerExceptionMapper
    Response framework(WebApplicationException e) {
        Response r = e.getResponse();
        if (r.getStatus() >= 500) {
            return bug(e);
        }
        String reason = r.getStatusInfo().getReasonPhrase();
        return Response.status(r.getStatus()).type(MediaType.APPLICATION_JSON_TYPE)
                .entity(new ErrorBody(reason == null || reason.isBlank() ? "HTTP " + r.getStatus() : reason.toLowerCase(),
                        "see the API reference at /q/swagger-ui/"))
                .build();
    }

    @ServerExceptionMapper
    Response bug(Throwable e) {
        String id = UUID.randomUUID().toString().substring(0, 8);
        LOG.errorf(e, "Unexpected failure %s", id);
        return answer(Response.Status.INTERNAL_SERVER_ERROR, "internal error " + id,
                "this is a bug in Barometer, not in the request; the service log has its details under " + id);
    }
}
