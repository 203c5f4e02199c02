package barometer.indexer.store;

import barometer.crawler.poll.Poll;
import barometer.indexer.poll.PollJson;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;

/** A poll as one Lucene document: its key and topic to find it, the whole poll as stored JSON. */
final class PollDocuments {
    private PollDocuments() {
    }

    static Document of(Poll poll) {
        Document d = new Document();
        d.add(new StringField(Fields.KIND, Fields.POLL, Field.Store.NO));
        d.add(new StringField(Fields.POLL_KEY, poll.key(), Field.Store.YES));
        d.add(new StringField(Fields.POLL_TOPIC, poll.topic(), Field.Store.NO));
        d.add(new StoredField(Fields.POLL_JSON, PollJson.write(poll)));
        return d;
    }

    static Poll poll(Document d) {
        return PollJson.read(d.get(Fields.POLL_JSON));
    }
}
