package barometer.crawler.fetch;

/** Where a fetch may go: what decides it is who named the address, not the address itself. */
public enum Reach {
    /** Sources from the operator's configuration: any http(s) address, the service's own demo site on loopback too. */
    ANYWHERE,
    /**
     * Sources added from outside (the admin API) and everything they lead to: pages, robots.txt, every redirect
     * hop, and every address a host name resolves to must be on the public internet ({@link AddressGuard}).
     */
    PUBLIC_ONLY
}
