package barometer.indexer.sentiment;

import edu.stanford.nlp.ling.IndexedWord;
import edu.stanford.nlp.semgraph.SemanticGraph;
import edu.stanford.nlp.trees.Tree;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A mention as the tone model sees it.
 *
 * <ul>
 *   <li>Words: words 1, 2-3 and 4-6 tokens to its left and right, 10-token windows, every word left and
 *       right of it, the mention's own words, and the sentence's uni-, bi- and trigrams with the words
 *       after a negation marked until the next punctuation.
 *   <li>CoreNLP's sentiment tree: the sentence's class, the classes of the smallest phrase around the
 *       mention and of the five phrases above it, and the classes and probabilities of the smallest
 *       phrases with at least 3 and 8 words besides the mention.
 *   <li>Dependencies: the relation to the mention's governor and the governor's word, up to three hops
 *       toward the root.
 * </ul>
 * Binary features are scaled to unit length together; the probabilities are added beside them at half
 * weight.
 *
 * @param words the binary features
 * @param scores the real-valued ones (the probabilities)
 */
record MentionFeatures(Set<String> words, Map<String, Double> scores) {
    private static final Pattern TOKEN = Pattern.compile("\\w+(?:'\\w+)?|[^\\w\\s]", Pattern.UNICODE_CHARACTER_CLASS);
    private static final Set<String> NEGATIONS = Set.of("not", "no", "never", "n't", "nor", "without", "hardly",
            "neither", "nobody", "nothing");

    private static final double SCORE_WEIGHT = 0.5;
    /** Length of each encoder vector beside the unit-length binary features. */
    static final double ENCODER_WEIGHT = 1.0;
    private static final String MENTION_VECTOR = "EM:";
    private static final String SENTENCE_VECTOR = "ES:";
    private static final String[] MENTION_VECTOR_NAMES = names(MENTION_VECTOR);
    private static final String[] SENTENCE_VECTOR_NAMES = names(SENTENCE_VECTOR);
    private static final Pattern TREE_NODE = Pattern.compile("[NW]\\d:");
    private static final Pattern DEPENDENCY = Pattern.compile("G\\d:|GW:|REL:|PATH:|ROOT\\d");

    /** Only the features whose names the filter keeps. */
    MentionFeatures keeping(Predicate<String> keep) {
        Set<String> w = new LinkedHashSet<>();
        words.stream().filter(keep).forEach(w::add);
        Map<String, Double> s = new LinkedHashMap<>();
        scores.forEach((name, value) -> {
            if (keep.test(name)) {
                s.put(name, value);
            }
        });
        return new MentionFeatures(Collections.unmodifiableSet(w), Collections.unmodifiableMap(s));
    }

    /** The CoreNLP class of the sentence (neutral when it was not parsed). */
    ToneClass sentenceClass() {
        for (int k = 0; k < 5; k++) {
            if (words.contains("SC:" + k)) {
                return ToneClass.ofLabel(k);
            }
        }
        return ToneClass.NEUTRAL;
    }

    /** Whether a feature comes from the sentiment tree. */
    static boolean isTree(String feature) {
        return feature.startsWith("SC:") || feature.startsWith("P:") || TREE_NODE.matcher(feature).lookingAt();
    }

    /** Whether a feature comes from the dependency graph. */
    static boolean isDependency(String feature) {
        return DEPENDENCY.matcher(feature).lookingAt();
    }

    /** Whether a feature comes from the words alone. */
    static boolean isWord(String feature) {
        return !isTree(feature) && !isDependency(feature) && !isEncoder(feature);
    }

    /** Whether a feature is a dimension of the sentence encoder's vectors. */
    static boolean isEncoder(String feature) {
        return feature.startsWith(MENTION_VECTOR) || feature.startsWith(SENTENCE_VECTOR);
    }

    /**
     * These features and the sentence encoder's view of the mention: the mean vector of its word pieces and
     * the sentence's mean vector, each scaled to unit length and then by the weight (chosen by
     * cross-validation on the training part, see {@code ToneTraining}).
     */
    MentionFeatures withEncoding(EncodedSentence sentence, int from, int to) {
        Map<String, Double> s = new LinkedHashMap<>(scores);
        put(s, MENTION_VECTOR_NAMES, sentence.over(from, to));
        put(s, SENTENCE_VECTOR_NAMES, sentence.mean());
        return new MentionFeatures(words, Collections.unmodifiableMap(s));
    }

    /** The same features with the encoder's dimensions multiplied by a factor (to choose the weight). */
    MentionFeatures scalingEncoder(double factor) {
        Map<String, Double> s = new LinkedHashMap<>();
        scores.forEach((name, value) -> s.put(name, isEncoder(name) ? value * factor : value));
        return new MentionFeatures(words, Collections.unmodifiableMap(s));
    }

    private static void put(Map<String, Double> scores, String[] names, float[] vector) {
        double norm = 0;
        for (float v : vector) {
            norm += v * v;
        }
        double scale = norm == 0 ? 0 : ENCODER_WEIGHT / Math.sqrt(norm);
        for (int d = 0; d < vector.length; d++) {
            scores.put(names[d], vector[d] * scale);
        }
    }

    private static String[] names(String prefix) {
        String[] out = new String[SentenceEncoder.DIMENSIONS];
        for (int d = 0; d < out.length; d++) {
            out[d] = prefix + d;
        }
        return out;
    }

    /** The features of the mention at [from, to) of the parsed sentence (offsets in its text). */
    static MentionFeatures of(ParsedSentence parsed, int from, int to) {
        Set<String> words = lexical(parsed.text(), from, to);
        Map<String, Double> scores = new LinkedHashMap<>();
        int first = -1, last = -1;
        for (int i = 0; i < parsed.tokens().size(); i++) {
            if (parsed.end(i) > from && parsed.begin(i) < to) {
                first = first < 0 ? i : first;
                last = i;
            }
        }
        if (first >= 0 && parsed.hasTree()) {
            tree(parsed, first, last, words, scores);
        }
        if (first >= 0 && parsed.dependencies() != null) {
            dependencies(parsed.dependencies(), first, last, words);
        }
        // Insertion order, not Set.copyOf's per-JVM order: feature ids follow it, and a retrained model must be
        // the same file byte for byte.
        return new MentionFeatures(Collections.unmodifiableSet(words), Collections.unmodifiableMap(scores));
    }

    private static void tree(ParsedSentence parsed, int first, int last, Set<String> words, Map<String, Double> scores) {
        Tree root = parsed.tree();
        words.add("SC:" + ParsedSentence.predictedClass(root));
        for (int k = 0; k < 5; k++) {
            scores.put("P:sentence:" + k, ParsedSentence.probability(root, k) * SCORE_WEIGHT);
        }
        Tree phrase = parsed.smallestPhrase(first, last);
        Tree node = phrase;
        for (int level = 0; node != null && level < 6; level++) {
            words.add("N" + level + ":" + ParsedSentence.predictedClass(node));
            node = parsed.parent(node);
        }
        int mentionWidth = last - first + 1;
        for (int extra : new int[] {3, 8}) {
            Tree around = phrase;
            while (parsed.parent(around) != null && parsed.width(around) < mentionWidth + extra) {
                around = parsed.parent(around);
            }
            words.add("W" + extra + ":" + ParsedSentence.predictedClass(around));
            for (int k = 0; k < 5; k++) {
                scores.put("P:w" + extra + ":" + k, ParsedSentence.probability(around, k) * SCORE_WEIGHT);
            }
        }
    }

    private static void dependencies(SemanticGraph graph, int first, int last, Set<String> words) {
        IndexedWord head = null;
        for (IndexedWord w : graph.vertexListSorted()) {
            int i = w.index() - 1;
            if (i >= first && i <= last) {
                IndexedWord governor = graph.getParent(w);
                if (governor == null || governor.index() - 1 < first || governor.index() - 1 > last) {
                    head = w;
                    break;
                }
            }
        }
        if (head == null) {
            return;
        }
        StringBuilder path = new StringBuilder();
        IndexedWord current = head;
        for (int hops = 0; hops < 3; hops++) {
            IndexedWord governor = graph.getParent(current);
            if (governor == null) {
                words.add("ROOT" + hops);
                break;
            }
            String relation = graph.getEdge(governor, current).getRelation().toString();
            String word = governor.word() == null ? "<root>" : governor.word().toLowerCase(Locale.ROOT);
            words.add("G" + hops + ":" + relation + ":" + word);
            words.add("GW:" + word);
            if (hops == 0) {
                words.add("REL:" + relation);
            }
            path.append(relation).append('/');
            current = governor;
        }
        words.add("PATH:" + path);
    }

    /** The word features of the mention at [from, to) of the sentence. */
    static Set<String> lexical(String sentence, int from, int to) {
        List<String> left = tokens(sentence.substring(0, from));
        List<String> right = tokens(sentence.substring(to));
        Set<String> f = new LinkedHashSet<>();
        for (int i = 0; i < left.size(); i++) {
            int d = left.size() - i;
            if (d <= 6) {
                f.add("L" + band(d) + ":" + left.get(i));
            }
            if (d <= 10) {
                f.add("L10:" + left.get(i));
            }
            f.add("LB:" + left.get(i));
        }
        for (int i = 0; i < right.size(); i++) {
            int d = i + 1;
            if (d <= 6) {
                f.add("R" + band(d) + ":" + right.get(i));
            }
            if (d <= 10) {
                f.add("R10:" + right.get(i));
            }
            f.add("RB:" + right.get(i));
        }
        tokens(sentence.substring(from, to)).forEach(w -> f.add("M:" + w));
        if (left.isEmpty()) {
            f.add("START");
        }
        List<String> all = new ArrayList<>(left);
        all.add("<T>");
        all.addAll(right);
        boolean negated = false;
        for (int i = 0; i < all.size(); i++) {
            String w = all.get(i);
            if (NEGATIONS.contains(w)) {
                negated = true;
                continue;
            }
            if (w.length() == 1 && ".,;:!?".contains(w)) {
                negated = false;
            }
            f.add("B:" + (negated ? "NOT_" : "") + w);
            if (i + 1 < all.size()) {
                f.add("BB:" + w + "_" + all.get(i + 1));
            }
            if (i + 2 < all.size()) {
                f.add("BBB:" + w + "_" + all.get(i + 1) + "_" + all.get(i + 2));
            }
        }
        return f;
    }

    private static String band(int distance) {
        return distance <= 1 ? "1" : distance <= 3 ? "3" : "6";
    }

    private static List<String> tokens(String s) {
        List<String> out = new ArrayList<>();
        Matcher m = TOKEN.matcher(s.toLowerCase(Locale.ROOT));
        while (m.find()) {
            out.add(m.group());
        }
        return out;
    }
}
