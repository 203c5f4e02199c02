package barometer.crawler.fetch;

import java.net.URI;
import java.nio.charset.Charset;
import java.util.Optional;

/**
 * A successfully fetched resource, body already decompressed.
 *
 * @param requested the address asked for
 * @param finalUri the address after redirects
 * @param contentType the Content-Type header, or empty
 * @param body the body bytes (never more than the fetcher's limit)
 * @param validators the ETag and Last-Modified the server sent, for a conditional request next time
 * @param contentLocation the Content-Location header, resolved: the base of relative links in the body when it
 *        names one; {@code null} when absent
 */
public record FetchedResource(URI requested, URI finalUri, String contentType, byte[] body, Validators validators,
        URI contentLocation) {

    /** A resource without validators. */
    public FetchedResource(URI requested, URI finalUri, String contentType, byte[] body) {
        this(requested, finalUri, contentType, body, Validators.NONE, null);
    }

    /** A resource without a Content-Location. */
    public FetchedResource(URI requested, URI finalUri, String contentType, byte[] body, Validators validators) {
        this(requested, finalUri, contentType, body, validators, null);
    }

    /** The address relative links in the body are resolved against: Content-Location, else the final address. */
    public URI base() {
        return contentLocation != null ? contentLocation : finalUri;
    }

    /** The charset the Content-Type header declares, if it names one Java knows. */
    public Optional<Charset> declaredCharset() {
        return BodyText.contentTypeCharset(contentType);
    }
}
