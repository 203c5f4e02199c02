package barometer.indexer.store;

/** Names of the Lucene fields, in one place. Articles and their sentences share one index. */
final class Fields {
    private Fields() {
    }

    /** "article" or "sentence". */
    static final String KIND = "kind";
    static final String ARTICLE = "article";
    static final String SENTENCE = "sentence";

    /** The article's URL; also on each sentence, so that one term deletes an article with its sentences. */
    static final String URL = "url";
    static final String TITLE = "title";
    static final String BODY = "body";
    static final String SOURCE = "source";
    /** Publication time, epoch milliseconds: points for ranges, doc values for trends and sorting. */
    static final String PUBLISHED = "published";
    /** Mean sentence sentiment (articles) or the label (sentences), as a sortable long in doc values. */
    static final String SENTIMENT = "sentiment";
    static final String SENTENCE_COUNT = "sentence_count";
    /** A sentence's text and its position in the article. */
    static final String TEXT = "text";
    static final String POSITION = "position";
}
