package barometer.crawler.fetch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.net.URI;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class AddressGuardTest {
    private final AddressGuard strict = AddressGuard.strict();

    @Test
    void internalAddressesAreRecognisedByValue() throws Exception {
        for (String literal : List.of("127.0.0.1", "10.1.2.3", "172.16.0.9", "192.168.1.1", "169.254.169.254",
                "100.64.0.1", "0.0.0.0", "::1", "fc00::1", "fe80::1", "::ffff:127.0.0.1", "::ffff:10.0.0.1",
                "64:ff9b::a00:1")) {
            assertTrue(AddressGuard.internal(InetAddress.getByName(literal)), literal);
        }
        assertFalse(AddressGuard.internal(InetAddress.getByName("93.184.216.34")));
        assertFalse(AddressGuard.internal(InetAddress.getByName("::ffff:93.184.216.34")));
    }

    @Test
    void numericHostsInUnusualSpellingsAreRefused() {
        for (String host : List.of("0177.0.0.1", "0x7f000001", "2130706433", "127.0.0.01",
                "017700000001")) {
            AddressGuard.RefusedSource e = assertThrows(AddressGuard.RefusedSource.class,
                    () -> strict.check(URI.create("http://" + host + "/feed")), host);
            assertTrue(e.getMessage().contains("unusual spelling"), host + ": " + e.getMessage());
        }
    }

    @Test
    void loopbackNamesAndLiteralsAreRefused() {
        for (String address : List.of("http://localhost/robots.txt", "http://127.0.0.1:8080/", "http://[::1]/",
                "http://LOCALHOST./x", "http://[::ffff:127.0.0.1]/", "http://127.1/")) {
            assertThrows(AddressGuard.RefusedSource.class, () -> strict.check(URI.create(address)), address);
        }
    }

    @Test
    void anAllowedEndpointOpensOnlyItsOwnPort() {
        AddressGuard guard = new AddressGuard(Set.of("127.0.0.1:8089"));
        guard.check(URI.create("http://127.0.0.1:8089/feed.xml"));
        assertThrows(AddressGuard.RefusedSource.class, () -> guard.check(URI.create("http://127.0.0.1:8090/feed.xml")));
        assertThrows(AddressGuard.RefusedSource.class, () -> guard.check(URI.create("http://127.0.0.1/feed.xml")));
    }

    @Test
    void aBareHostInTheAllowListIsAConfigurationError() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new AddressGuard(Set.of("feeds.internal")));
        assertTrue(e.getMessage().startsWith("barometer.crawl.allow-private-hosts takes host:port pairs"),
                e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> new AddressGuard(Set.of("::1")), "IPv6 without brackets");
        assertThrows(IllegalArgumentException.class, () -> new AddressGuard(Set.of("feeds.internal:")));
        AddressGuard ok = new AddressGuard(Set.of("[::1]:9000", "feeds.internal:8080"));
        ok.check(URI.create("http://[::1]:9000/feed"));
    }

    @Test
    void theGuardedResolverRefusesANameThatResolvesInside() throws Exception {
        AddressGuard.InternalAddress e = assertThrows(AddressGuard.InternalAddress.class,
                () -> strict.resolve("localhost"));
        assertTrue(e.getMessage().startsWith("localhost resolves to "), e.getMessage());
        assertTrue(new AddressGuard(Set.of("localhost:1234")).resolve("localhost").length >= 1, "allowed host resolves");
    }
}
