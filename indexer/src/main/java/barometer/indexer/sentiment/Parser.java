package barometer.indexer.sentiment;

/**
 * The constituency parser whose trees the sentiment model reads. The shift-reduce parser is several
 * times faster on long news sentences but holds a larger model in memory (plan 1.5-2 GB of heap per
 * pipeline); the PCFG parser is CoreNLP's default.
 */
public enum Parser {
    PCFG("edu/stanford/nlp/models/lexparser/englishPCFG.ser.gz"),
    SHIFT_REDUCE("edu/stanford/nlp/models/srparser/englishSR.ser.gz");

    private final String model;

    Parser(String model) {
        this.model = model;
    }

    /** The model's path on the classpath. */
    public String model() {
        return model;
    }
}
