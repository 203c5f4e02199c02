package barometer.indexer.sentiment;

/**
 * Whether the tone toward a phrase also reads a pretrained sentence encoder ({@link SentenceEncoder}), the
 * setting {@code barometer.sentiment.tone-encoder}.
 */
public enum ToneEncoder {
    /** Today's features only (words, CoreNLP's sentiment tree and dependencies): the faster default. */
    NONE,
    /** Those features and all-MiniLM-L6-v2's vectors of the phrase and its sentence: better, slower. */
    MINILM;

    /** The bundled tone model this choice uses. */
    public ToneModel bundledModel() {
        return this == MINILM ? ToneModel.bundledWithEncoder() : ToneModel.bundled();
    }

    /** A new encoder when the model reads one (ONNX Runtime on one thread per call), else null. */
    public static SentenceEncoder encoderFor(ToneModel model) {
        return model != null && model.usesEncoder() ? new SentenceEncoder(1) : null;
    }

    /** The name settings and reports use: {@code none} or {@code minilm}. */
    public String label() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }

    /** Reads a setting's value ({@code none} or {@code minilm}, any case). */
    public static ToneEncoder parse(String value) {
        for (ToneEncoder e : values()) {
            if (e.label().equalsIgnoreCase(value.strip())) {
                return e;
            }
        }
        throw new IllegalArgumentException("unknown tone encoder '" + value + "' (expected none or minilm)");
    }
}
