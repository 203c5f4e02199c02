package barometer.indexer.store;

import java.util.Set;
import org.apache.lucene.codecs.PostingsFormat;
import org.apache.lucene.codecs.bloom.BloomFilteringPostingsFormat;
import org.apache.lucene.codecs.lucene104.Lucene104Codec;

/**
 * Lucene's default codec, with a bloom filter in front of the terms of the fields looked up one exact term at a
 * time while storing: every article asks for its sixteen MinHash bands, its URL and its content hash in every
 * segment, and almost none of those terms is there. Without the filter each miss loads and decompresses a block
 * of the terms dictionary; at 150,000 articles that was a third of the adding thread's time.
 *
 * <p>The codec keeps the default's name, so an index written with it opens with the default codec as long as
 * {@code lucene-codecs} is on the class path: the per-field postings format is recorded in each segment.
 */
final class LookupCodec extends Lucene104Codec {
    private static final Set<String> LOOKED_UP = Set.of(Fields.SIM_BAND, Fields.URL, Fields.CONTENT_HASH);

    /** The default's postings (the same format for every field), read only where the filter lets a term through. */
    private final PostingsFormat filtered = new BloomFilteringPostingsFormat(super.getPostingsFormatForField(Fields.TEXT));

    @Override
    public PostingsFormat getPostingsFormatForField(String field) {
        return LOOKED_UP.contains(field) ? filtered : super.getPostingsFormatForField(field);
    }
}
