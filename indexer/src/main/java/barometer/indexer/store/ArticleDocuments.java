package barometer.indexer.store;

import barometer.crawler.Article;
import barometer.indexer.ContentHash;
import barometer.indexer.sentiment.AnalysedArticle;
import barometer.indexer.sentiment.TaggedSentence;
import barometer.indexer.sentiment.ToneClass;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.FieldType;
import org.apache.lucene.document.LongPoint;
import org.apache.lucene.document.NumericDocValuesField;
import org.apache.lucene.document.SortedDocValuesField;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.IndexOptions;
import org.apache.lucene.index.IndexableField;
import org.apache.lucene.util.BytesRef;
import org.apache.lucene.util.NumericUtils;

/**
 * Maps an analysed article to its block of Lucene documents (the article, then one per sentence) and
 * back: everything needed to rebuild the index is stored, so a schema change never needs a re-crawl.
 */
final class ArticleDocuments {
    private static final FieldType BODY_TYPE = bodyType();
    /** Words and their tone bytes as term frequencies: no positions (Lucene allows custom frequencies only so). */
    private static final FieldType MENTION_TERMS_TYPE = mentionTermsType();

    private ArticleDocuments() {
    }

    private static FieldType mentionTermsType() {
        FieldType type = new FieldType();
        type.setIndexOptions(IndexOptions.DOCS_AND_FREQS);
        type.setOmitNorms(true);
        type.setTokenized(true);
        type.freeze();
        return type;
    }

    private static FieldType bodyType() {
        FieldType type = new FieldType(TextField.TYPE_STORED);
        // Offsets in the postings let the highlighter work without re-analysing the text.
        type.setIndexOptions(IndexOptions.DOCS_AND_FREQS_AND_POSITIONS_AND_OFFSETS);
        type.freeze();
        return type;
    }

    /** The 64-bit key of a story in doc values. */
    static long storyHash(String story) {
        return java.util.UUID.nameUUIDFromBytes(story.getBytes(java.nio.charset.StandardCharsets.UTF_8))
                .getMostSignificantBits();
    }

    /**
     * The article's document followed by its sentences' documents.
     *
     * @param story the story cluster the article belongs to
     * @param signature its text's MinHash signature, when the text is long enough to have one
     * @param singleStory whether no other article is in its story (see {@link Fields#STORY_SINGLE})
     */
    static List<Document> block(AnalysedArticle analysed, String story, java.util.Optional<int[]> signature,
                                boolean singleStory, Analyzer analyzer) {
        Article article = analysed.article();
        List<Document> block = new ArrayList<>(analysed.sentences().size() + 1);
        Document doc = new Document();
        doc.add(new StringField(Fields.KIND, Fields.ARTICLE, Field.Store.NO));
        doc.add(new StringField(Fields.URL, article.url(), Field.Store.YES));
        doc.add(new SortedDocValuesField(Fields.URL, new BytesRef(article.url())));
        doc.add(new TextField(Fields.TITLE, article.title(), Field.Store.YES));
        for (String author : article.authors()) {
            doc.add(new StoredField(Fields.AUTHORS, author));
        }
        if (!article.language().isEmpty()) {
            doc.add(new StringField(Fields.LANGUAGE, article.language(), Field.Store.YES));
        }
        if (!article.leadImage().isEmpty()) {
            doc.add(new StoredField(Fields.LEAD_IMAGE, article.leadImage()));
        }
        if (article.modified() != null) {
            doc.add(new StoredField(Fields.MODIFIED, article.modified().toEpochMilli()));
        }
        doc.add(new Field(Fields.BODY, article.text(), BODY_TYPE));
        doc.add(new StringField(Fields.CONTENT_HASH, ContentHash.of(article.text()), Field.Store.NO));
        doc.add(new StringField(Fields.STORY, story, Field.Store.YES));
        doc.add(new NumericDocValuesField(Fields.STORY_HASH, storyHash(story)));
        doc.add(new NumericDocValuesField(Fields.STORY_SINGLE, singleStory ? 1 : 0));
        if (signature.isPresent()) {
            doc.add(new StoredField(Fields.SIM_HASH, barometer.indexer.story.MinHash.toBytes(signature.get())));
            for (String band : barometer.indexer.story.MinHash.bands(signature.get())) {
                doc.add(new StringField(Fields.SIM_BAND, band, Field.Store.NO));
            }
        }
        if (!article.topic().isEmpty()) {
            doc.add(new StringField(Fields.TOPIC, article.topic(), Field.Store.YES));
            doc.add(new SortedDocValuesField(Fields.TOPIC, new BytesRef(article.topic())));
        }
        sourceAndDate(doc, article);
        if (analysed.pending()) {
            doc.add(new StringField(Fields.PENDING, "1", Field.Store.NO));
            doc.add(new NumericDocValuesField(Fields.PENDING, 1));
        }
        double mean = analysed.meanSentiment();
        if (!Double.isNaN(mean)) {
            doc.add(new NumericDocValuesField(Fields.SENTIMENT, NumericUtils.doubleToSortableLong(mean)));
            doc.add(new StoredField(Fields.SENTIMENT, mean));
            String tone = ToneClass.ofMean(mean).label();
            doc.add(new StringField(Fields.TONE_CLASS, tone, Field.Store.NO));
            doc.add(new SortedDocValuesField(Fields.TONE_CLASS, new BytesRef(tone)));
            for (ToneClass t : ToneClass.values()) {
                doc.add(new StoredField(Fields.TONE_SHARES, analysed.share(t)));
            }
        }
        block.add(doc);
        int position = 0;
        for (TaggedSentence sentence : analysed.sentences()) {
            block.add(sentence(article, sentence, position++, analyzer));
        }
        return block;
    }

    private static Document sentence(Article article, TaggedSentence sentence, int position, Analyzer analyzer) {
        Document doc = new Document();
        doc.add(new StringField(Fields.KIND, Fields.SENTENCE, Field.Store.NO));
        doc.add(new StringField(Fields.URL, article.url(), Field.Store.YES));
        if (sentence.mentions().isEmpty()) {
            doc.add(new TextField(Fields.TEXT, sentence.text(), Field.Store.YES));
        } else {
            doc.add(new StoredField(Fields.TEXT, sentence.text()));
            doc.add(new TextField(Fields.TEXT,
                    MentionTones.withPayloads(sentence.text(), sentence.mentions(), analyzer)));
            doc.add(new StoredField(Fields.MENTIONS, MentionTones.encode(sentence.mentions())));
            doc.add(new Field(Fields.MENTION_TERMS, MentionTones.mentionTerms(sentence.text(), sentence.mentions(),
                    analyzer), MENTION_TERMS_TYPE));
        }
        doc.add(new StoredField(Fields.POSITION, position));
        sourceAndDate(doc, article);
        // An untagged sentence (over the length cap) has no sentiment field at all: a field must have the same doc
        // values in every document that has it, and a stored-only label of -1 beside the tagged sentences' doc values
        // made Lucene refuse the whole article.
        if (sentence.isTagged()) {
            doc.add(new StoredField(Fields.SENTIMENT, sentence.sentiment()));
            doc.add(new NumericDocValuesField(Fields.SENTIMENT,
                    NumericUtils.doubleToSortableLong(sentence.sentiment())));
            for (double p : sentence.probabilities()) {
                doc.add(new StoredField(Fields.PROBABILITIES, p));
            }
        }
        return doc;
    }

    private static void sourceAndDate(Document doc, Article article) {
        doc.add(new StringField(Fields.SOURCE, article.source(), Field.Store.YES));
        doc.add(new SortedDocValuesField(Fields.SOURCE, new BytesRef(article.source())));
        if (article.published() != null) {
            long millis = article.published().toEpochMilli();
            doc.add(new LongPoint(Fields.PUBLISHED, millis));
            doc.add(new NumericDocValuesField(Fields.PUBLISHED, millis));
            doc.add(new StoredField(Fields.PUBLISHED, millis));
        }
    }

    /** The article stored in an article document. */
    static Article article(Document doc) {
        IndexableField published = doc.getField(Fields.PUBLISHED);
        IndexableField modified = doc.getField(Fields.MODIFIED);
        return new Article(doc.get(Fields.URL), doc.get(Fields.TITLE), doc.get(Fields.SOURCE),
                published == null ? null : Instant.ofEpochMilli(published.numericValue().longValue()),
                doc.get(Fields.BODY), doc.get(Fields.TOPIC), List.of(doc.getValues(Fields.AUTHORS)),
                doc.get(Fields.LANGUAGE), doc.get(Fields.LEAD_IMAGE),
                modified == null ? null : Instant.ofEpochMilli(modified.numericValue().longValue()));
    }

    /** The sentences stored in sentence documents (any order in, article order out). */
    static List<TaggedSentence> sentences(List<Document> sentenceDocs) {
        List<Document> sorted = new ArrayList<>(sentenceDocs);
        sorted.sort(Comparator.comparingInt(d -> d.getField(Fields.POSITION).numericValue().intValue()));
        List<TaggedSentence> out = new ArrayList<>(sorted.size());
        for (Document d : sorted) {
            List<Double> probabilities = new ArrayList<>(5);
            for (IndexableField p : d.getFields(Fields.PROBABILITIES)) {
                probabilities.add(p.numericValue().doubleValue());
            }
            IndexableField label = d.getField(Fields.SENTIMENT);
            BytesRef mentions = d.getBinaryValue(Fields.MENTIONS);
            out.add(new TaggedSentence(d.get(Fields.TEXT),
                    label == null ? TaggedSentence.UNTAGGED : label.numericValue().intValue(), probabilities,
                    mentions == null ? List.of() : MentionTones.decode(mentions)));
        }
        return List.copyOf(out);
    }
}
