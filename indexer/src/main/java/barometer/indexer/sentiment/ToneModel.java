package barometer.indexer.sentiment;

import de.bwaldvogel.liblinear.Feature;
import de.bwaldvogel.liblinear.FeatureNode;
import de.bwaldvogel.liblinear.Linear;
import de.bwaldvogel.liblinear.Model;
import de.bwaldvogel.liblinear.Parameter;
import de.bwaldvogel.liblinear.Problem;
import de.bwaldvogel.liblinear.SolverType;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.Writer;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * Tone toward a mention (negative, neutral, positive) from the words around it and CoreNLP's sentiment tree
 * and dependencies ({@link MentionFeatures}): a linear SVM (liblinear, L2-regularised, C = 2, classes
 * weighted 1 / 1.1 / 1.35 against their imbalance). Training is deterministic: the same examples give the
 * same model file, byte for byte.
 *
 * <p>The model Barometer ships ({@link #bundled()}) was trained by {@code ./barometer train-tone} on the
 * NewsMTSC training split (Hamborg and Donnay, EACL 2021; MIT licence).
 */
public final class ToneModel {
    private static final double C = 2.0;
    private static final String FILE = "tone-model.tsv";
    private static final String HEADER = "barometer-tone-model 1\tnegative\tneutral\tpositive";
    private static final String BUNDLED = "/barometer/indexer/sentiment/" + FILE;
    private static final String BUNDLED_WITH_ENCODER = "/barometer/indexer/sentiment/tone-model-encoder.tsv";
    private static final double[] CLASS_WEIGHTS = {1.0, 1.1, 1.35};

    /** Per feature, its weight for each class in {@link ToneClass} order. */
    private final Map<String, float[]> weights;

    private final boolean usesEncoder;

    private ToneModel(Map<String, float[]> weights) {
        this.weights = weights;
        this.usesEncoder = weights.keySet().stream().anyMatch(MentionFeatures::isEncoder);
    }

    /** Trains on mentions and their tones, in order. */
    static ToneModel train(List<MentionFeatures> mentions, List<ToneClass> tones) {
        Map<String, Integer> index = new HashMap<>();
        List<Feature[]> x = new ArrayList<>(mentions.size());
        double[] y = new double[mentions.size()];
        for (int i = 0; i < mentions.size(); i++) {
            MentionFeatures m = mentions.get(i);
            m.words().forEach(f -> index.putIfAbsent(f, index.size() + 1));
            m.scores().keySet().forEach(f -> index.putIfAbsent(f, index.size() + 1));
            x.add(vector(m, index));
            y[i] = tones.get(i).ordinal();
        }
        Problem problem = new Problem();
        problem.l = x.size();
        problem.n = index.size();
        problem.x = x.toArray(new Feature[0][]);
        problem.y = y;
        Parameter parameter = new Parameter(SolverType.L2R_L2LOSS_SVC_DUAL, C, 0.01);
        parameter.setWeights(CLASS_WEIGHTS, new int[] {0, 1, 2});
        Linear.disableDebugOutput();
        Linear.resetRandom();
        Model model = Linear.train(problem, parameter);
        // liblinear keeps one weight per feature and class (one-vs-rest), classes in the order they first
        // appear in the data; reordered here to ToneClass order. Five significant digits are plenty for a
        // linear score and keep the bundled file small.
        int[] labels = model.getLabels();
        double[] w = model.getFeatureWeights();
        Map<String, float[]> weights = new LinkedHashMap<>();
        String[] names = new String[index.size()];
        index.forEach((name, id) -> names[id - 1] = name);
        for (int j = 0; j < names.length; j++) {
            float[] perClass = new float[3];
            for (int k = 0; k < labels.length; k++) {
                perClass[labels[k]] = round(w[j * labels.length + k]);
            }
            weights.put(names[j], perClass);
        }
        return new ToneModel(weights);
    }

    private static float round(double weight) {
        return Float.parseFloat(String.format(Locale.ROOT, "%.5g", weight));
    }

    /**
     * Writes the model as {@code tone-model.tsv} in a folder: a header line, then one line per feature (in
     * the order training first met them) with its weight for negative, neutral and positive.
     */
    public void save(Path folder) throws IOException {
        Files.createDirectories(folder);
        try (Writer out = Files.newBufferedWriter(folder.resolve(FILE), StandardCharsets.UTF_8)) {
            out.write(HEADER);
            out.write('\n');
            for (Map.Entry<String, float[]> e : weights.entrySet()) {
                float[] w = e.getValue();
                out.write(e.getKey() + '\t' + format(w[0]) + '\t' + format(w[1]) + '\t' + format(w[2]) + '\n');
            }
        }
    }

    private static String format(float weight) {
        return weight == 0 ? "0" : Float.toString(weight);
    }

    /** Reads a model written by {@link #save}. */
    public static ToneModel load(Path folder) throws IOException {
        try (Reader in = Files.newBufferedReader(folder.resolve(FILE), StandardCharsets.UTF_8)) {
            return read(in);
        }
    }

    /** The model Barometer ships and uses by default (no sentence encoder). */
    public static ToneModel bundled() {
        return bundled(BUNDLED);
    }

    /**
     * The model Barometer ships for {@code barometer.sentiment.tone-encoder=minilm}: the same features and the
     * {@link SentenceEncoder}'s vectors, trained by {@code ./barometer train-tone --encoder}.
     */
    public static ToneModel bundledWithEncoder() {
        return bundled(BUNDLED_WITH_ENCODER);
    }

    /** Whether the model reads the sentence encoder's vectors (a tagger then needs a {@link SentenceEncoder}). */
    public boolean usesEncoder() {
        return usesEncoder;
    }

    private static ToneModel bundled(String resource) {
        try (InputStream in = ToneModel.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("the bundled tone model is missing from the classpath (" + resource + ")");
            }
            return read(new InputStreamReader(in, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the bundled tone model", e);
        }
    }

    private static ToneModel read(Reader in) throws IOException {
        BufferedReader lines = new BufferedReader(in);
        if (!HEADER.equals(lines.readLine())) {
            throw new IOException("not a Barometer tone model (expected the header '" + HEADER + "')");
        }
        Map<String, float[]> weights = new HashMap<>();
        for (String line = lines.readLine(); line != null; line = lines.readLine()) {
            String[] c = line.split("\t", -1);
            if (c.length != 4) {
                throw new IOException("bad tone model line " + (weights.size() + 2) + ": " + line);
            }
            weights.put(c[0], new float[] {Float.parseFloat(c[1]), Float.parseFloat(c[2]), Float.parseFloat(c[3])});
        }
        return new ToneModel(weights);
    }

    /** The tone toward the mention the features describe: the class with the highest linear score. */
    ToneClass predict(MentionFeatures mention) {
        double[] score = new double[3];
        int known = 0;
        for (String name : mention.words()) {
            known += weights.containsKey(name) ? 1 : 0;
        }
        double value = known == 0 ? 0 : 1 / Math.sqrt(known);
        for (String name : mention.words()) {
            add(score, weights.get(name), value);
        }
        mention.scores().forEach((name, v) -> add(score, weights.get(name), v));
        int best = 0;
        for (int k = 1; k < 3; k++) {
            if (score[k] > score[best]) {
                best = k;
            }
        }
        return ToneClass.values()[best];
    }

    private static void add(double[] score, float[] w, double value) {
        if (w != null) {
            for (int k = 0; k < 3; k++) {
                score[k] += w[k] * value;
            }
        }
    }

    /** The training vector: binary features scaled to unit length together, scores as they are. */
    private static Feature[] vector(MentionFeatures mention, Map<String, Integer> index) {
        List<Integer> words = new ArrayList<>(mention.words().size());
        for (String name : mention.words()) {
            Integer id = index.get(name);
            if (id != null) {
                words.add(id);
            }
        }
        double value = words.isEmpty() ? 0 : 1 / Math.sqrt(words.size());
        TreeMap<Integer, Double> values = new TreeMap<>();
        words.forEach(id -> values.put(id, value));
        mention.scores().forEach((name, score) -> {
            Integer id = index.get(name);
            if (id != null) {
                values.put(id, score);
            }
        });
        Feature[] out = new Feature[values.size()];
        int i = 0;
        for (Map.Entry<Integer, Double> e : values.entrySet()) {
            out[i++] = new FeatureNode(e.getKey(), e.getValue());
        }
        return out;
    }
}
