package barometer.indexer.sentiment;

/**
 * The constituency parser whose trees the sentiment model reads. The shift-reduce parser, Barometer's
 * default, tags about ten times more sentences per second than CoreNLP's PCFG parser at the same accuracy
 * (within a point on the Stanford Sentiment Treebank) but holds larger models in memory (about 650 MB of
 * heap against 150 MB, shared by every worker).
 */
public enum Parser {
    PCFG("edu/stanford/nlp/models/lexparser/englishPCFG.ser.gz", 150),
    SHIFT_REDUCE("edu/stanford/nlp/models/srparser/englishSR.ser.gz", 650);

    /** The parser used unless configured otherwise. */
    public static final Parser DEFAULT = SHIFT_REDUCE;

    private final String model;
    private final long heapMb;

    Parser(String model, long heapMb) {
        this.model = model;
        this.heapMb = heapMb;
    }

    /** Heap the models of a pipeline with this parser hold, measured on this project's runs (see the README). */
    public long heapMb() {
        return heapMb;
    }

    /** The name settings and reports use: {@code pcfg} or {@code shift-reduce}. */
    public String label() {
        return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
    }

    /** The model's path on the classpath. */
    public String model() {
        return model;
    }
}
