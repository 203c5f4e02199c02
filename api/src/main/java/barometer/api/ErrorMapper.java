package barometer.api;

import barometer.indexer.InvalidQueryException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** Turns a user's bad query into a 400 with a JSON body that says what is wrong and how to fix it. */
class ErrorMapper {

    /** The JSON body of every 4xx answer. */
    record ErrorBody(String error, String hint) {
    }

    @ServerExceptionMapper
    Response invalidQuery(InvalidQueryException e) {
        return Response.status(Response.Status.BAD_REQUEST)
                .type(MediaType.APPLICATION_JSON_TYPE)
                .entity(new ErrorBody(e.getMessage(), e.hint()))
                .build();
    }
}
