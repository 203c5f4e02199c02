package barometer.indexer.store;

import barometer.indexer.poll.PollJson;
import barometer.crawler.poll.Poll;
import barometer.crawler.poll.PollEvidence;
import barometer.crawler.poll.Population;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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
