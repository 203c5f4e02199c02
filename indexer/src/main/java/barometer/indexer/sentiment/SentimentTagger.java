package barometer.indexer.sentiment;

import barometer.crawler.Article;
import edu.stanford.nlp.ling.CoreAnnotations;
import edu.stanford.nlp.neural.rnn.RNNCoreAnnotations;
import edu.stanford.nlp.pipeline.Annotation;
import edu.stanford.nlp.pipeline.StanfordCoreNLP;
import edu.stanford.nlp.sentiment.SentimentCoreAnnotations;
import edu.stanford.nlp.trees.Tree;
import edu.stanford.nlp.util.CoreMap;
import java.util.ArrayList;
import org.ejml.simple.SimpleMatrix;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;

/**
 * Tags every sentence of a text with Stanford CoreNLP's five-class sentiment
 * (tokenize, ssplit, pos, parse, sentiment; the default PCFG parser).
 *
 * <p>Building one loads several hundred megabytes of models and takes seconds: build it once and share
 * it. Tagging is safe from several threads; with several pipelines, that many texts are tagged at once. Sentences longer than the cap are not parsed (parsing cost
 * grows with the cube of their length) and come back {@link TaggedSentence#UNTAGGED}.
 */
public final class SentimentTagger {
    private final BlockingQueue<StanfordCoreNLP> pipelines;
    private final int maxSentenceTokens;

    /** One pipeline with the PCFG parser. */
    public SentimentTagger(int maxSentenceTokens, int threads) {
        this(maxSentenceTokens, threads, 1, Parser.PCFG);
    }

    /**
     * @param maxSentenceTokens sentences with more tokens than this are left untagged
     * @param threads threads the parser may use within one text
     * @param pipelines independent pipelines (each with its own models in memory, about 150 MB with the
     *     PCFG parser) that callers on different threads use in turn; one is enough from one thread
     * @param parser the parser the sentiment model reads trees from
     */
    public SentimentTagger(int maxSentenceTokens, int threads, int pipelines, Parser parser) {
        this.maxSentenceTokens = maxSentenceTokens;
        this.pipelines = new ArrayBlockingQueue<>(pipelines);
        for (int i = 0; i < pipelines; i++) {
            Properties props = properties(maxSentenceTokens, threads);
            props.setProperty("parse.model", parser.model());
            // CoreNLP caches annotators JVM-wide by the properties that concern them, so pipelines built
            // with equal properties share one parser and contend for it; a per-pipeline key keeps them apart.
            for (String annotator : new String[] {"pos", "parse", "sentiment"}) {
                props.setProperty(annotator + ".barometerPipeline", Integer.toString(i));
            }
            this.pipelines.add(new StanfordCoreNLP(props));
        }
    }

    private static Properties properties(int maxSentenceTokens, int threads) {
        Properties props = new Properties();
        props.setProperty("annotators", "tokenize,ssplit,pos,parse,sentiment");
        // Paragraphs arrive separated by blank lines; a heading without a full stop is still its own sentence.
        props.setProperty("ssplit.newlineIsSentenceBreak", "two");
        props.setProperty("parse.maxlen", Integer.toString(maxSentenceTokens));
        props.setProperty("parse.nthreads", Integer.toString(threads));
        props.setProperty("parse.binaryTrees", "true");
        return props;
    }

    private StanfordCoreNLP take() {
        try {
            return pipelines.take();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for a pipeline", e);
        }
    }

    /** Tags the article's text, sentence by sentence. */
    public AnalysedArticle analyse(Article article) {
        return new AnalysedArticle(article, tag(article.text()));
    }

    /** Splits a text into sentences and tags each one. */
    public List<TaggedSentence> tag(String text) {
        if (text == null || text.isBlank()) {
            return List.of();
        }
        Annotation doc = new Annotation(text);
        StanfordCoreNLP pipeline = take();
        try {
            pipeline.annotate(doc);
        } finally {
            pipelines.add(pipeline);
        }
        List<TaggedSentence> out = new ArrayList<>();
        for (CoreMap sentence : doc.get(CoreAnnotations.SentencesAnnotation.class)) {
            String sentenceText = sentence.get(CoreAnnotations.TextAnnotation.class);
            int tokens = sentence.get(CoreAnnotations.TokensAnnotation.class).size();
            Tree tree = sentence.get(SentimentCoreAnnotations.SentimentAnnotatedTree.class);
            if (tokens > maxSentenceTokens || tree == null) {
                out.add(new TaggedSentence(sentenceText, TaggedSentence.UNTAGGED));
                continue;
            }
            SimpleMatrix p = RNNCoreAnnotations.getPredictions(tree);
            List<Double> probabilities = new ArrayList<>(5);
            for (int k = 0; k < 5; k++) {
                probabilities.add(p.get(k));
            }
            out.add(new TaggedSentence(sentenceText, RNNCoreAnnotations.getPredictedClass(tree), probabilities));
        }
        return List.copyOf(out);
    }
}
