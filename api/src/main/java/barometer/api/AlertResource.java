package barometer.api;

import barometer.api.alert.AlertFeed;
import barometer.api.alert.AlertStore;
import barometer.api.alert.SavedSearch;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;

/**
 * {@code /api/alerts/{id}.atom}: a saved search's alerts as an Atom feed, for any feed reader (no account: the id
 * is the address); {@code /api/alerts/{id}}: the same as JSON. Saved searches are made by admins
 * ({@code /api/admin/saved-searches}).
 */
@Path("/api/alerts")
public class AlertResource {
    private final AlertStore store;

    AlertResource(AlertStore store) {
        this.store = store;
    }

    @GET
    @Path("/{id}.atom")
    @Produces("application/atom+xml")
    @Operation(summary = "A saved search's alerts as Atom 1.0", description = "Newest first; each entry links the "
            + "chart that shows it.")
    public Response atom(@PathParam("id") String id, @Context UriInfo uri) {
        SavedSearch s = find(id);
        return Response.ok(AlertFeed.atom(s, store.log(s).alerts(), SnapshotResource.base(uri)),
                "application/atom+xml; charset=utf-8").build();
    }

    @GET
    @Path("/{id}")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "A saved search and its alerts")
    public Response json(@PathParam("id") String id) {
        SavedSearch s = find(id);
        return Response.ok(Map.of("search", SavedSearchAdminResource.publicView(s), "alerts", store.log(s).alerts()))
                .build();
    }

    private SavedSearch find(String id) {
        return store.search(id).orElseThrow(() -> new Refusal(Refusal.Kind.NOT_FOUND, "no saved search " + id,
                "an admin lists them at /api/admin/saved-searches"));
    }
}
