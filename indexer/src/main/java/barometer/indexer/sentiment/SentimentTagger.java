package barometer.indexer.sentiment;

import barometer.crawler.Article;
import edu.stanford.nlp.ling.CoreAnnotations;
import edu.stanford.nlp.ling.CoreLabel;
import edu.stanford.nlp.neural.rnn.RNNCoreAnnotations;
import edu.stanford.nlp.parser.lexparser.EnglishTreebankParserParams;
import edu.stanford.nlp.pipeline.Annotation;
import edu.stanford.nlp.pipeline.StanfordCoreNLP;
import edu.stanford.nlp.semgraph.SemanticGraphCoreAnnotations;
import edu.stanford.nlp.semgraph.SemanticGraphFactory;
import edu.stanford.nlp.sentiment.SentimentCoreAnnotations;
import edu.stanford.nlp.trees.GrammaticalStructure;
import edu.stanford.nlp.trees.GrammaticalStructureFactory;
import edu.stanford.nlp.trees.Tree;
import edu.stanford.nlp.trees.TreeCoreAnnotations;
import edu.stanford.nlp.util.CoreMap;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import org.ejml.simple.SimpleMatrix;

/**
 * Tags every sentence of a text with Stanford CoreNLP's five-class sentiment (tokenize, ssplit, pos, parse,
 * sentiment) and, with a {@link ToneModel}, the tone toward each of its phrases: runs of nouns, and each
 * verb and adjective ({@link MentionTone}).
 *
 * <p>Building the first one loads several hundred megabytes of models and takes seconds: build it once and share
 * it. Tagging is safe from several threads; with several pipelines, that many texts are tagged at once, all on
 * one set of models (later taggers with the same settings reuse it too).
 * Sentences longer than the cap are not parsed (parsing cost grows with the cube of their length) and come
 * back {@link TaggedSentence#UNTAGGED}, without phrase tones.
 */
public final class SentimentTagger {
    /**
     * One slot per text tagged at once: the whole pipeline, and the same annotators split in two (tokenize and
     * ssplit; pos, parse and sentiment) so that sentences already tagged can be left out of the second half.
     * CoreNLP's annotator cache makes every slot's pipelines share one set of models.
     */
    private record Slot(StanfordCoreNLP whole, StanfordCoreNLP splitter, StanfordCoreNLP analyser) {
    }

    private final BlockingQueue<Slot> pipelines;
    /**
     * Sentences tagged lately, by their text: wire copies repeat most of a story's sentences under another
     * intro, and a sentence's tags do not depend on the sentences around it. Bounded (least recently used out).
     */
    private final Map<String, TaggedSentence> recent = java.util.Collections.synchronizedMap(
            new java.util.LinkedHashMap<>(1024, 0.75f, true) {
                @Override
                protected boolean removeEldestEntry(Map.Entry<String, TaggedSentence> eldest) {
                    return size() > RECENT_SENTENCES;
                }
            });
    private static final int RECENT_SENTENCES = 20_000;
    private final java.util.concurrent.atomic.AtomicLong recentHits = new java.util.concurrent.atomic.AtomicLong();
    private final int maxSentenceTokens;
    private final ToneModel toneModel;
    /** Every pipeline built, for the timing profile (the queue holds only the idle ones). */
    private final List<StanfordCoreNLP> all = new java.util.concurrent.CopyOnWriteArrayList<>();
    private final java.util.concurrent.atomic.AtomicLong phraseNanos = new java.util.concurrent.atomic.AtomicLong();
    private final java.util.concurrent.atomic.AtomicLong dependencyNanos = new java.util.concurrent.atomic.AtomicLong();
    private final java.util.concurrent.atomic.AtomicLong encoderNanos = new java.util.concurrent.atomic.AtomicLong();
    /**
     * Converts a parse to the basic (uncollapsed) Universal Dependencies the tone model reads, exactly as the
     * parse annotator would (English, punctuation kept).
     */
    private final GrammaticalStructureFactory dependencies;
    /** Reads each parsed sentence for a tone model that uses it; null otherwise. */
    private final SentenceEncoder encoder;

    /** One pipeline with the default parser and the bundled tone model. */
    public SentimentTagger(int maxSentenceTokens, int threads) {
        this(maxSentenceTokens, threads, 1, Parser.DEFAULT, ToneModel.bundled());
    }

    /**
     * @param maxSentenceTokens sentences with more tokens than this are left untagged
     * @param threads threads the parser may use within one text
     * @param pipelines texts tagged at once by callers on different threads (one is enough from one thread);
     *     they share one set of models in memory: about 650 MB with the shift-reduce parser, 150 MB with PCFG
     * @param parser the parser the sentiment model reads trees from
     * @param toneModel reads the tone toward each phrase; null for sentence labels only
     */
    public SentimentTagger(int maxSentenceTokens, int threads, int pipelines, Parser parser, ToneModel toneModel) {
        this(maxSentenceTokens, threads, pipelines, parser, toneModel, null);
    }

    /**
     * As above, with the sentence encoder a tone model trained on its vectors reads (each sentence on its own, on
     * the caller's thread).
     *
     * @param encoder the encoder; required when the tone model {@linkplain ToneModel#usesEncoder() uses it},
     *     else null
     * @throws IllegalArgumentException when the tone model needs an encoder and none is given
     */
    public SentimentTagger(int maxSentenceTokens, int threads, int pipelines, Parser parser, ToneModel toneModel,
            SentenceEncoder encoder) {
        if (toneModel != null && toneModel.usesEncoder() && encoder == null) {
            throw new IllegalArgumentException("this tone model reads the sentence encoder's vectors: give the "
                    + "tagger a SentenceEncoder");
        }
        this.encoder = toneModel == null || toneModel.usesEncoder() ? encoder : null;
        this.maxSentenceTokens = maxSentenceTokens;
        this.toneModel = toneModel;
        this.pipelines = new ArrayBlockingQueue<>(pipelines);
        EnglishTreebankParserParams english = new EnglishTreebankParserParams();
        english.setGenerateOriginalDependencies(false);
        this.dependencies = english.treebankLanguagePack().grammaticalStructureFactory(word -> true,
                english.typedDependencyHeadFinder());
        for (int i = 0; i < pipelines; i++) {
            Properties props = properties(maxSentenceTokens, threads);
            props.setProperty("parse.model", parser.model());
            // CoreNLP caches annotators JVM-wide by the properties that concern them, so every pipeline here
            // gets the same tagger, parser and sentiment network: their models are only read while tagging and
            // each text's state stays on its caller's thread. One set of models for all workers halves the heap
            // of two and keeps more of the hot weights in the shared cache (about a fifth faster, the same tags:
            // see the README).
            StanfordCoreNLP pipeline = new StanfordCoreNLP(props);
            Properties split = (Properties) props.clone();
            split.setProperty("annotators", "tokenize,ssplit");
            Properties analyse = (Properties) props.clone();
            analyse.setProperty("annotators", "pos,parse,sentiment");
            Slot slot = new Slot(pipeline, new StanfordCoreNLP(split), new StanfordCoreNLP(analyse, false));
            all.add(slot.splitter());
            all.add(slot.analyser());
            this.pipelines.add(slot);
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
        // The parse annotator would convert each tree to dependencies five times (basic, collapsed,
        // CC-processed, enhanced, enhanced++), a third of the tagging time; only the basic graph is read, and
        // only for phrase tones, so it is built here once (addDependencies) instead.
        props.setProperty("parse.buildgraphs", "false");
        return props;
    }

    private Slot take() {
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

    /**
     * Splits a text into sentences and tags each one; a sentence tagged lately (the same text, in any article) is
     * not tagged again.
     */
    public List<TaggedSentence> tag(String text) {
        if (text == null || text.isBlank()) {
            return List.of();
        }
        Annotation doc = new Annotation(text);
        List<CoreMap> sentences;
        TaggedSentence[] out;
        List<CoreMap> todo = new ArrayList<>();
        List<Integer> where = new ArrayList<>();
        Slot slot = take();
        try {
            slot.splitter().annotate(doc);
            sentences = doc.get(CoreAnnotations.SentencesAnnotation.class);
            out = new TaggedSentence[sentences.size()];
            for (int s = 0; s < sentences.size(); s++) {
                TaggedSentence known = recent.get(sentences.get(s).get(CoreAnnotations.TextAnnotation.class));
                if (known != null) {
                    out[s] = known;
                    recentHits.incrementAndGet();
                } else {
                    todo.add(sentences.get(s));
                    where.add(s);
                }
            }
            if (!todo.isEmpty()) {
                Annotation rest = new Annotation(text);
                List<CoreLabel> tokens = new ArrayList<>();
                todo.forEach(sentence -> tokens.addAll(sentence.get(CoreAnnotations.TokensAnnotation.class)));
                rest.set(CoreAnnotations.TokensAnnotation.class, tokens);
                rest.set(CoreAnnotations.SentencesAnnotation.class, todo);
                slot.analyser().annotate(rest);
            }
        } finally {
            pipelines.add(slot);
        }
        List<EncodedSentence> encoded = encoded(todo);
        for (int k = 0; k < todo.size(); k++) {
            TaggedSentence tagged = tagged(todo.get(k), encoded == null ? null : encoded.get(k));
            out[where.get(k)] = tagged;
            recent.put(tagged.text(), tagged);
        }
        return List.of(out);
    }

    private TaggedSentence tagged(CoreMap sentence, EncodedSentence encoded) {
        String sentenceText = sentence.get(CoreAnnotations.TextAnnotation.class);
        Tree tree = sentence.get(SentimentCoreAnnotations.SentimentAnnotatedTree.class);
        boolean parsed = parsed(sentence);
        // A sentence over the cap has neither measure: no parse for the tree features, and its phrases would
        // cost time quadratic in its length.
        List<MentionTone> mentions = toneModel == null || !parsed ? List.of() : timedMentions(sentence, encoded);
        if (!parsed) {
            return new TaggedSentence(sentenceText, TaggedSentence.UNTAGGED, List.of(), mentions);
        }
        SimpleMatrix p = RNNCoreAnnotations.getPredictions(tree);
        List<Double> probabilities = new ArrayList<>(5);
        for (int k = 0; k < 5; k++) {
            probabilities.add(p.get(k));
        }
        return new TaggedSentence(sentenceText, RNNCoreAnnotations.getPredictedClass(tree), probabilities, mentions);
    }

    /** The encoder's reading of every parsed sentence (null entries for the others); null without an encoder. */
    private List<EncodedSentence> encoded(List<CoreMap> sentences) {
        if (encoder == null || toneModel == null) {
            return null;
        }
        long t0 = System.nanoTime();
        List<String> texts = new ArrayList<>();
        for (CoreMap sentence : sentences) {
            if (parsed(sentence)) {
                texts.add(sentence.get(CoreAnnotations.TextAnnotation.class));
            }
        }
        java.util.Iterator<EncodedSentence> read = encoder.encode(texts).iterator();
        List<EncodedSentence> out = new ArrayList<>(sentences.size());
        for (CoreMap sentence : sentences) {
            out.add(parsed(sentence) ? read.next() : null);
        }
        encoderNanos.addAndGet(System.nanoTime() - t0);
        return out;
    }

    /**
     * The tone of a text toward the mention at [from, to), read by the tone model from the sentence that
     * holds the mention's first character.
     *
     * @throws IllegalStateException when the tagger has no tone model
     */
    public ToneClass toneToward(String text, int from, int to) {
        if (toneModel == null) {
            throw new IllegalStateException("this tagger has no tone model");
        }
        return toneModel.predict(features(text, from, to));
    }

    /** The tone model's view of the mention at [from, to) of a text (for training). */
    MentionFeatures features(String text, int from, int to) {
        List<CoreMap> sentences = annotate(text);
        CoreMap holder = sentences.get(0);
        for (CoreMap s : sentences) {
            if (s.get(CoreAnnotations.CharacterOffsetBeginAnnotation.class) <= from) {
                holder = s;
            }
        }
        int base = holder.get(CoreAnnotations.CharacterOffsetBeginAnnotation.class);
        addDependencies(holder);
        ParsedSentence parsed = new ParsedSentence(holder, parsed(holder));
        int begin = from - base, end = Math.min(to - base, parsed.text().length());
        MentionFeatures features = MentionFeatures.of(parsed, begin, end);
        if (encoder != null) {
            features = features.withEncoding(encoder.encode(List.of(parsed.text())).get(0), begin, end);
        }
        return features;
    }

    private boolean parsed(CoreMap sentence) {
        return sentence.get(CoreAnnotations.TokensAnnotation.class).size() <= maxSentenceTokens
                && sentence.get(SentimentCoreAnnotations.SentimentAnnotatedTree.class) != null;
    }

    private List<CoreMap> annotate(String text) {
        if (text == null || text.isBlank()) {
            return List.of();
        }
        Annotation doc = new Annotation(text);
        Slot slot = take();
        try {
            slot.whole().annotate(doc);
        } finally {
            pipelines.add(slot);
        }
        return doc.get(CoreAnnotations.SentencesAnnotation.class);
    }

    /** Adds the basic dependency graph the tone model reads to a parsed sentence. */
    private void addDependencies(CoreMap sentence) {
        Tree tree = sentence.get(TreeCoreAnnotations.TreeAnnotation.class);
        if (tree != null && !sentence.containsKey(SemanticGraphCoreAnnotations.BasicDependenciesAnnotation.class)) {
            long t0 = System.nanoTime();
            sentence.set(SemanticGraphCoreAnnotations.BasicDependenciesAnnotation.class,
                    SemanticGraphFactory.generateUncollapsedDependencies(
                            dependencies.newGrammaticalStructure(tree), GrammaticalStructure.Extras.NONE));
            dependencyNanos.addAndGet(System.nanoTime() - t0);
        }
    }

    private List<MentionTone> timedMentions(CoreMap parsed, EncodedSentence encoded) {
        addDependencies(parsed);
        ParsedSentence sentence = new ParsedSentence(parsed, true);
        long t0 = System.nanoTime();
        try {
            return mentions(sentence, encoded);
        } finally {
            phraseNanos.addAndGet(System.nanoTime() - t0);
        }
    }

    /**
     * Where the tagging time went, for the benchmark: CoreNLP's own per-annotator timing of each pipeline
     * (tokenize, ssplit, pos, parse, sentiment) and the phrase tones' share, in seconds.
     */
    public String profile() {
        StringBuilder out = new StringBuilder();
        for (StanfordCoreNLP p : all) {
            out.append(p.timingInformation().strip()).append('\n');
        }
        out.append(String.format(java.util.Locale.ROOT, "sentences reused from recent articles: %d%n", recentHits.get()));
        out.append(String.format(java.util.Locale.ROOT, "basic dependencies (for phrase tones): %.1f sec.%n",
                dependencyNanos.get() / 1e9));
        if (encoder != null) {
            out.append(String.format(java.util.Locale.ROOT, "sentence encoder (MiniLM, for phrase tones): %.1f sec.%n",
                    encoderNanos.get() / 1e9));
        }
        out.append(String.format(java.util.Locale.ROOT, "phrase tones (features and the linear model): %.1f sec.",
                phraseNanos.get() / 1e9));
        return out.toString();
    }

    /** Phrases a query may name: a run of nouns is one phrase; every verb and adjective is one of its own. */
    private List<MentionTone> mentions(ParsedSentence sentence, EncodedSentence encoded) {
        List<CoreLabel> tokens = sentence.tokens();
        List<MentionTone> out = new ArrayList<>();
        int i = 0;
        while (i < tokens.size()) {
            String tag = tokens.get(i).tag();
            int last = i;
            if (tag != null && tag.startsWith("NN")) {
                while (last + 1 < tokens.size() && tokens.get(last + 1).tag() != null
                        && tokens.get(last + 1).tag().startsWith("NN")) {
                    last++;
                }
            } else if (tag == null || !(tag.startsWith("VB") || tag.startsWith("JJ"))) {
                i++;
                continue;
            }
            int from = sentence.begin(i), to = sentence.end(last);
            if (to > from) {
                MentionFeatures features = MentionFeatures.of(sentence, from, to);
                if (encoded != null) {
                    features = features.withEncoding(encoded, from, to);
                }
                out.add(new MentionTone(from, to, toneModel.predict(features)));
            }
            i = last + 1;
        }
        return out;
    }
}
