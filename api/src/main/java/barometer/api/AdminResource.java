package barometer.api;

import barometer.crawler.source.SourceCatalog;
import barometer.crawler.source.SourceDefinition;
import barometer.crawler.source.SourceState;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SecuritySchemeIn;
import org.eclipse.microprofile.openapi.annotations.enums.SecuritySchemeType;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.security.SecurityScheme;

/**
 * {@code /api/admin}: the sources to crawl (list with their state, add, remove) and "crawl now", behind the API
 * key ({@link AdminAccess} checks it first). Sources added here must be public addresses ({@link barometer.crawler.fetch.AddressGuard}).
 */
@Path("/api/admin")
@Produces(MediaType.APPLICATION_JSON)
@SecurityScheme(securitySchemeName = "apiKey", type = SecuritySchemeType.APIKEY, in = SecuritySchemeIn.HEADER,
        apiKeyName = "X-Api-Key", description = "barometer.admin.api-key")
@SecurityRequirement(name = "apiKey")
public class AdminResource {
    private final SourceCatalog sources;
    private final CrawlJob crawl;
    private final ImportJob imports;

    AdminResource(SourceCatalog sources, CrawlJob crawl, ImportJob imports) {
        this.sources = sources;
        this.crawl = crawl;
        this.imports = imports;
    }

    /** A source to add: its address, topic, the link pattern of a listing page, and its period. */
    public record NewSource(String url, String topic, String linkPattern, String every) {
    }

    /** A source with what the crawler did with it. */
    public record SourceView(String url, String topic, String kind, String linkPattern, String every, String origin,
            Instant lastCrawl, Instant nextCrawl, long crawls, long articles, int failures, String lastError,
            Instant lastErrorAt) {
        static SourceView of(SourceDefinition d, SourceState s) {
            return new SourceView(d.url(), d.topic(), d.linkPattern().isEmpty() ? "feed" : "listing",
                    d.linkPattern().isEmpty() ? null : d.linkPattern(), d.every() == null ? null : d.every().toString(),
                    d.origin(), s.lastCrawl(), s.nextCrawl(), s.crawls(), s.articles(), s.failures(),
                    s.lastError().isEmpty() ? null : s.lastError(), s.lastErrorAt());
        }
    }

    @GET
    @Path("/sources")
    @Operation(summary = "Sources and their state (admin)")
    public Response list() {
        List<SourceView> views = sources.all().entrySet().stream().map(e -> SourceView.of(e.getKey(), e.getValue())).toList();
        return Response.ok(Map.of("sources", views)).build();
    }

    @POST
    @Path("/sources")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Add a source (admin)", description = "url (public http/https), topic, linkPattern for a "
            + "listing page, every (30m, 6h, 1d). Loopback, private and link-local addresses are refused unless "
            + "barometer.crawl.allow-private-hosts names the host.")
    public Response add(NewSource body) {
        if (body == null) {
            throw new Refusal(Refusal.Kind.BAD_REQUEST, "the body is empty",
                    "send {\"url\": \"https://...\", \"topic\": \"...\"}");
        }
        try {
            SourceDefinition d = sources.add(body.url(), body.topic(), body.linkPattern(), body.every());
            return Response.status(Response.Status.CREATED).entity(SourceView.of(d, SourceState.NEW)).build();
        } catch (IllegalArgumentException e) {
            throw new Refusal(Refusal.Kind.BAD_REQUEST, e.getMessage(), "see the README's \"Sources\"");
        } catch (IllegalStateException e) {
            throw new Refusal(Refusal.Kind.CONFLICT, e.getMessage(), "remove it first to change it");
        }
    }

    @DELETE
    @Path("/sources")
    @Operation(summary = "Remove a source (admin)")
    public Response remove(@QueryParam("url") String url) {
        if (!sources.remove(url)) {
            throw new Refusal(Refusal.Kind.NOT_FOUND, "no source " + url, "GET /api/admin/sources lists them");
        }
        return Response.noContent().build();
    }

    @POST
    @Path("/import")
    @Operation(summary = "Import archives on the server (admin)", description = "path: a WARC, WARC.gz, JSON-lines or "
            + "CSV file, or a folder of them, on the server. Runs in the background through the same ingest as crawled "
            + "pages; resumes where an earlier import of the file stopped; a file imported twice adds nothing. 202 "
            + "when started, 409 while another import runs; GET /api/admin/import shows progress.")
    public Response importArchives(@QueryParam("path") String path) {
        var files = ImportJob.archives(path);
        if (!imports.start(files)) {
            throw new Refusal(Refusal.Kind.CONFLICT, "an import is already running", "GET /api/admin/import shows it");
        }
        return Response.accepted(imports.state()).build();
    }

    @GET
    @Path("/import")
    @Operation(summary = "The import's progress (admin)")
    public Response importState() {
        return Response.ok(imports.state()).build();
    }

    @POST
    @Path("/crawl")
    @Operation(summary = "Crawl every source now (admin)")
    public Response crawlNow() {
        return Response.accepted(Map.of("started", crawl.requestFullCrawl())).build();
    }
}
