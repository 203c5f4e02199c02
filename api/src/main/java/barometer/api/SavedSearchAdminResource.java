package barometer.api;

import barometer.api.alert.AlertCheck;
import barometer.api.alert.AlertRule;
import barometer.api.alert.AlertStore;
import barometer.api.alert.SavedSearch;
import barometer.crawler.fetch.AddressGuard;
import barometer.indexer.InvalidQueryException;
import barometer.indexer.NewsIndex;
import barometer.indexer.TrendQuery;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;

/**
 * {@code /api/admin/saved-searches}: save a query with an alert rule ({@link AlertRule}), list and delete them,
 * and check them now; behind the API key ({@link AdminAccess}). A webhook must be a public address, as an
 * admin-added source must.
 */
@Path("/api/admin/saved-searches")
@Produces(MediaType.APPLICATION_JSON)
@SecurityRequirement(name = "apiKey")
public class SavedSearchAdminResource {
    private final AlertStore store;
    private final AlertCheck check;
    private final NewsIndex index;
    private final AddressGuard guard;

    SavedSearchAdminResource(AlertStore store, AlertCheck check, NewsIndex index, AddressGuard guard) {
        this.store = store;
        this.check = check;
        this.index = index;
        this.guard = guard;
    }

    /** A search to save: its name, query or poll topic, rule, interval and optional webhook. */
    public record NewSearch(String name, String q, String topic, String rule, String interval, String webhook) {
    }

    /** A saved search as anyone with its id sees it: without its webhook, which may hold a secret. */
    public record PublicView(String id, String name, String q, String topic, String rule, String interval,
            String atom) {
    }

    static PublicView publicView(SavedSearch s) {
        return new PublicView(s.id(), s.name(), s.q(), s.topic(), s.rule().label(), s.interval(),
                "/api/alerts/" + s.id() + ".atom");
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Save a search with an alert rule (admin)", description = "rule: volume, share or tone "
            + "(with q) or new-poll (with topic); interval: day, week (default) or month; webhook: an https URL that "
            + "gets each alert as JSON (retried with backoff). Its alerts: /api/alerts/{id}.atom. The polls stored "
            + "now are the new-poll rule's baseline.")
    public Response create(NewSearch body, @Context UriInfo uri) {
        if (body == null) {
            throw new Refusal(Refusal.Kind.BAD_REQUEST, "the body is empty",
                    "send {\"name\": \"Calexit spikes\", \"q\": \"calexit\", \"rule\": \"volume\"}");
        }
        AlertRule rule = AlertRule.of(body.rule());
        if (rule == null) {
            throw new Refusal(Refusal.Kind.BAD_REQUEST, "unknown rule '" + body.rule() + "'",
                    "use volume, share, tone or new-poll");
        }
        String q = body.q() == null ? "" : body.q().strip();
        String topic = body.topic() == null ? "" : body.topic().strip();
        if (rule.readsTrend() && q.isEmpty()) {
            throw new Refusal(Refusal.Kind.BAD_REQUEST, "q is required for the " + rule.label() + " rule",
                    "e.g. \"q\": \"calexit\"");
        }
        if (!rule.readsTrend() && topic.isEmpty()) {
            throw new Refusal(Refusal.Kind.BAD_REQUEST, "topic is required for the new-poll rule",
                    "e.g. \"topic\": \"secession\"");
        }
        String interval = body.interval() == null || body.interval().isBlank() ? "week"
                : body.interval().strip().toLowerCase(Locale.ROOT);
        if (!List.of("day", "week", "month").contains(interval)) {
            throw new Refusal(Refusal.Kind.BAD_REQUEST, "interval must be day, week or month", "interval=week");
        }
        if (rule.readsTrend()) {
            // A query the index refuses is refused now, not at every check.
            index.trend(TrendQuery.of(q, java.time.LocalDate.now().minusDays(1), java.time.LocalDate.now(),
                    QueryParams.interval(interval), java.time.ZoneOffset.UTC));
        }
        String webhook = body.webhook() == null || body.webhook().isBlank() ? null : body.webhook().strip();
        if (webhook != null) {
            try {
                guard.check(URI.create(webhook));
            } catch (IllegalArgumentException | InvalidQueryException e) {
                throw new Refusal(Refusal.Kind.BAD_REQUEST, "webhook is not a URL: " + webhook, "https://...");
            } catch (RuntimeException e) {
                throw new Refusal(Refusal.Kind.BAD_REQUEST, "webhook refused: " + e.getMessage(),
                        "a public http(s) address, or one barometer.crawl.allow-private-hosts names");
            }
        }
        String name = body.name() == null ? "" : body.name().strip();
        SavedSearch s = new SavedSearch(java.util.UUID.randomUUID().toString().replace("-", "").substring(0, 12),
                name.length() > 120 ? name.substring(0, 120) : name, q, topic, rule, interval, webhook, Instant.now());
        store.add(s);
        // The first check sets the baseline (the polls stored now) and may find what already stands out.
        check.check(s);
        return Response.created(URI.create(SnapshotResource.base(uri) + "/api/alerts/" + s.id() + ".atom"))
                .entity(publicView(s)).build();
    }

    @GET
    @Operation(summary = "Saved searches with their webhooks (admin)")
    public Response list() {
        return Response.ok(Map.of("searches", store.searches())).build();
    }

    @DELETE
    @Path("/{id}")
    @Operation(summary = "Delete a saved search and its alerts (admin)")
    public Response delete(@PathParam("id") String id) {
        if (!store.remove(id)) {
            throw new Refusal(Refusal.Kind.NOT_FOUND, "no saved search " + id, "GET /api/admin/saved-searches");
        }
        return Response.noContent().build();
    }

    @POST
    @Path("/check")
    @Operation(summary = "Check every saved search now (admin)", description = "What is checked after each crawl "
            + "and import; answers the new alerts.")
    public Response checkNow() {
        return Response.ok(Map.of("alerts", check.checkAll())).build();
    }
}
