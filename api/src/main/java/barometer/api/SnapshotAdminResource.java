package barometer.api;

import barometer.api.snapshot.SnapshotStore;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;

/** {@code /api/admin/snapshots}: list and delete snapshots, behind the API key ({@link AdminAccess}). */
@Path("/api/admin/snapshots")
@Produces(MediaType.APPLICATION_JSON)
@SecurityRequirement(name = "apiKey")
public class SnapshotAdminResource {
    private final SnapshotStore store;

    SnapshotAdminResource(SnapshotStore store) {
        this.store = store;
    }

    @GET
    @Operation(summary = "Every snapshot, newest first (admin)")
    public Response list() {
        var all = store.list();
        return Response.ok(Map.of("count", all.size(), "snapshots", all)).build();
    }

    @DELETE
    @Path("/{id}")
    @Operation(summary = "Delete a snapshot (admin)", description = "Its permalink answers 404 afterwards.")
    public Response delete(@PathParam("id") String id) {
        if (!store.delete(id)) {
            throw new Refusal(Refusal.Kind.NOT_FOUND, "no snapshot " + id, "GET /api/admin/snapshots lists them");
        }
        return Response.noContent().build();
    }
}
