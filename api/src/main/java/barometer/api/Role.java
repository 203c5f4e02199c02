package barometer.api;

/** What one Barometer process does when several share an OpenSearch cluster ({@code barometer.role}). */
public enum Role {
    /** Serves, crawls, imports and tags: the single process of the embedded default. */
    ALL,
    /** Serves the API and pages; never crawls or tags. */
    API,
    /** Crawls the sources it holds leases on, imports and tags; answers only its status, health and the demo site. */
    WORKER;

    /** Whether this process reads sources and tags articles. */
    boolean works() {
        return this != API;
    }

    /** Whether this process answers the API and the pages. */
    boolean serves() {
        return this != WORKER;
    }
}
