package barometer.indexer.sentiment;

import edu.stanford.nlp.ling.CoreAnnotations;
import edu.stanford.nlp.ling.CoreLabel;
import edu.stanford.nlp.neural.rnn.RNNCoreAnnotations;
import edu.stanford.nlp.semgraph.SemanticGraph;
import edu.stanford.nlp.semgraph.SemanticGraphCoreAnnotations;
import edu.stanford.nlp.sentiment.SentimentCoreAnnotations;
import edu.stanford.nlp.trees.Tree;
import edu.stanford.nlp.util.CoreMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * One sentence as CoreNLP annotated it, with what the tone model reads from it precomputed: its text,
 * tokens (offsets relative to the sentence), the sentiment tree with each node's token span and parent,
 * and the dependency graph. The tree and graph are absent for a sentence over the length cap.
 */
final class ParsedSentence {
    private final String text;
    private final int base;
    private final List<CoreLabel> tokens;
    private final Tree tree;
    private final SemanticGraph dependencies;
    private final Map<Tree, int[]> spans = new IdentityHashMap<>();
    private final Map<Tree, Tree> parents = new IdentityHashMap<>();
    private final Tree[] leaves;

    ParsedSentence(CoreMap sentence, boolean parsed) {
        this.text = sentence.get(CoreAnnotations.TextAnnotation.class);
        this.base = sentence.get(CoreAnnotations.CharacterOffsetBeginAnnotation.class);
        this.tokens = sentence.get(CoreAnnotations.TokensAnnotation.class);
        this.tree = parsed ? sentence.get(SentimentCoreAnnotations.SentimentAnnotatedTree.class) : null;
        this.dependencies = parsed ? sentence.get(SemanticGraphCoreAnnotations.BasicDependenciesAnnotation.class) : null;
        this.leaves = new Tree[tokens.size()];
        if (tree != null) {
            int[] next = {0};
            layOut(tree, null, next);
        }
    }

    private void layOut(Tree node, Tree parent, int[] next) {
        int start = next[0];
        if (node.isLeaf()) {
            if (next[0] < leaves.length) {
                leaves[next[0]] = node;
            }
            next[0]++;
        } else {
            for (Tree child : node.children()) {
                layOut(child, node, next);
            }
        }
        spans.put(node, new int[] {start, next[0] - 1});
        if (parent != null) {
            parents.put(node, parent);
        }
    }

    String text() {
        return text;
    }

    List<CoreLabel> tokens() {
        return tokens;
    }

    /** The token's first character, relative to the sentence. */
    int begin(int token) {
        return tokens.get(token).beginPosition() - base;
    }

    /** One past the token's last character, relative to the sentence. */
    int end(int token) {
        return tokens.get(token).endPosition() - base;
    }

    /** Whether the sentence has a sentiment tree (it was under the length cap). */
    boolean hasTree() {
        return tree != null && leaves.length > 0 && leaves[leaves.length - 1] != null;
    }

    Tree tree() {
        return tree;
    }

    SemanticGraph dependencies() {
        return dependencies;
    }

    /** The smallest phrase (not a single word) that covers tokens first..last. */
    Tree smallestPhrase(int first, int last) {
        Tree node = leaves[first];
        while (parents.containsKey(node)) {
            int[] span = spans.get(node);
            if (span[0] <= first && span[1] >= last && !node.isLeaf() && !node.isPreTerminal()) {
                return node;
            }
            node = parents.get(node);
        }
        return node;
    }

    Tree parent(Tree node) {
        return parents.get(node);
    }

    int width(Tree node) {
        int[] span = spans.get(node);
        return span[1] - span[0] + 1;
    }

    static int predictedClass(Tree node) {
        return RNNCoreAnnotations.getPredictedClass(node);
    }

    static double probability(Tree node, int sentimentClass) {
        return RNNCoreAnnotations.getPredictions(node).get(sentimentClass);
    }
}
