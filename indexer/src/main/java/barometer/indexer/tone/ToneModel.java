package barometer.indexer.tone;

import barometer.indexer.sentiment.ToneClass;
import de.bwaldvogel.liblinear.Feature;
import de.bwaldvogel.liblinear.FeatureNode;
import de.bwaldvogel.liblinear.Linear;
import de.bwaldvogel.liblinear.Model;
import de.bwaldvogel.liblinear.Parameter;
import de.bwaldvogel.liblinear.Problem;
import de.bwaldvogel.liblinear.SolverType;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Tone toward a mention (negative, neutral, positive) from the words around it: a linear SVM (liblinear,
 * L2-regularised, C = 2, classes weighted 1 / 1.1 / 1.35 against their imbalance) over
 * {@link MentionFeatures}, each example's features scaled to unit length. Training is deterministic.
 */
public final class ToneModel {
    private static final double C = 2.0;
    private static final String MODEL_FILE = "tone-model.liblinear";
    private static final String FEATURES_FILE = "tone-features.txt";
    private static final double[] CLASS_WEIGHTS = {1.0, 1.1, 1.35};

    private final Map<String, Integer> features;
    private final Model model;

    private ToneModel(Map<String, Integer> features, Model model) {
        this.features = Map.copyOf(features);
        this.model = model;
    }

    /** Trains on labelled mentions. */
    public static ToneModel train(List<LabelledMention> examples) {
        Map<String, Integer> index = new HashMap<>();
        List<Feature[]> x = new ArrayList<>(examples.size());
        double[] y = new double[examples.size()];
        for (int i = 0; i < examples.size(); i++) {
            LabelledMention e = examples.get(i);
            for (String f : MentionFeatures.of(e.sentence(), e.from(), e.to())) {
                index.putIfAbsent(f, index.size() + 1);
            }
            x.add(vector(MentionFeatures.of(e.sentence(), e.from(), e.to()), index));
            y[i] = e.tone().ordinal();
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
        return new ToneModel(index, Linear.train(problem, parameter));
    }

    /** Writes the model to a folder: liblinear's weights and the feature names, one per line in id order. */
    public void save(Path folder) throws IOException {
        Files.createDirectories(folder);
        model.save(folder.resolve(MODEL_FILE));
        String[] names = new String[features.size()];
        features.forEach((name, id) -> names[id - 1] = name);
        Files.write(folder.resolve(FEATURES_FILE), List.of(names), StandardCharsets.UTF_8);
    }

    /** Reads a model written by {@link #save}. */
    public static ToneModel load(Path folder) throws IOException {
        List<String> names = Files.readAllLines(folder.resolve(FEATURES_FILE), StandardCharsets.UTF_8);
        Map<String, Integer> index = new HashMap<>();
        for (int i = 0; i < names.size(); i++) {
            index.put(names.get(i), i + 1);
        }
        return new ToneModel(index, Model.load(folder.resolve(MODEL_FILE)));
    }

    /** The tone toward the mention at [from, to) of the sentence. */
    public ToneClass predict(String sentence, int from, int to) {
        return ToneClass.values()[(int) Linear.predict(model, vector(MentionFeatures.of(sentence, from, to), features))];
    }

    private static Feature[] vector(Set<String> names, Map<String, Integer> index) {
        List<Integer> ids = new ArrayList<>(names.size());
        for (String name : names) {
            Integer id = index.get(name);
            if (id != null) {
                ids.add(id);
            }
        }
        ids.sort(Comparator.naturalOrder());
        double value = ids.isEmpty() ? 0 : 1 / Math.sqrt(ids.size());
        Feature[] out = new Feature[ids.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = new FeatureNode(ids.get(i), value);
        }
        return out;
    }
}
