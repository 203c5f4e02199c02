package barometer.indexer.store;

import java.io.IOException;
import java.util.Objects;
import org.apache.lucene.document.LongPoint;
import org.apache.lucene.document.NumericDocValuesField;
import org.apache.lucene.index.PointValues;
import org.apache.lucene.search.IndexOrDocValuesQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.QueryVisitor;

/**
 * Documents published within a range of epoch milliseconds, read the cheaper way for the index at hand. A range
 * that holds every publication time of the index stays a points query, which then matches every dated document at
 * no cost per document. Any other range lets Lucene choose per query ({@link IndexOrDocValuesQuery}): the points
 * give every document in it at once (a bit set over most of the index for a range of years), the doc values check
 * one candidate at a time, the cheaper choice when another clause leads with few matches (a rare word in two
 * outlets' last three years, p50 on the benchmark's million synthetic articles: 31 ms from the points, under 3 ms
 * this way).
 */
final class PublishedRange extends Query {
    private final long lower;
    private final long upper;

    PublishedRange(long lower, long upper) {
        this.lower = lower;
        this.upper = upper;
    }

    @Override
    public Query rewrite(IndexSearcher searcher) throws IOException {
        Query points = LongPoint.newRangeQuery(Fields.PUBLISHED, lower, upper);
        byte[] min = PointValues.getMinPackedValue(searcher.getIndexReader(), Fields.PUBLISHED);
        byte[] max = PointValues.getMaxPackedValue(searcher.getIndexReader(), Fields.PUBLISHED);
        if (min == null || max == null
                || LongPoint.decodeDimension(min, 0) >= lower && LongPoint.decodeDimension(max, 0) <= upper) {
            return points;
        }
        return new IndexOrDocValuesQuery(points, NumericDocValuesField.newSlowRangeQuery(Fields.PUBLISHED, lower, upper));
    }

    @Override
    public void visit(QueryVisitor visitor) {
        if (visitor.acceptField(Fields.PUBLISHED)) {
            visitor.visitLeaf(this);
        }
    }

    @Override
    public String toString(String field) {
        return Fields.PUBLISHED + ":[" + lower + " TO " + upper + "]";
    }

    @Override
    public boolean equals(Object o) {
        return sameClassAs(o) && ((PublishedRange) o).lower == lower && ((PublishedRange) o).upper == upper;
    }

    @Override
    public int hashCode() {
        return Objects.hash(classHash(), lower, upper);
    }
}
