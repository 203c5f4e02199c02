package barometer.cli.bench;

import barometer.crawler.Article;
import barometer.indexer.sentiment.AnalysedArticle;
import barometer.indexer.sentiment.MentionTone;
import barometer.indexer.sentiment.TaggedSentence;
import barometer.indexer.sentiment.ToneClass;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * A seeded stream of synthetic news articles for the benchmark: Zipf-distributed vocabulary, a few
 * topic words at known rates (one common, one rare), 4-8 sentences of 8-20 words, 20 outlets, dates
 * spread evenly over five years, and seeded sentence labels in CoreNLP's usual proportions.
 */
final class SyntheticCorpus {
    static final String COMMON = "secession";
    static final String RARE = "plebiscite";
    static final LocalDate FIRST_DAY = LocalDate.of(2015, 1, 1);
    static final LocalDate LAST_DAY = LocalDate.of(2019, 12, 31);
    private static final String[] SYLLABLES = {"ka", "lo", "mi", "ter", "san", "do", "ri", "vel", "mon", "ta",
        "pre", "ost", "una", "bel", "cor", "dis", "gen", "hal", "ion", "jur"};
    private static final String[] COMMON_WORDS = {"the", "of", "and", "to", "in", "a", "that", "for", "on", "was",
        "said", "state", "vote", "campaign", "poll", "voters", "support", "government", "city", "people"};
    /** Labels 0..4 with the shares CoreNLP gives news text (mostly 1 and 2). */
    private static final double[] LABEL_SHARES = {0.03, 0.35, 0.42, 0.18, 0.02};

    private final SplittableRandom random;
    private final String[] vocabulary;
    private final double[] zipf;

    SyntheticCorpus(long seed, int vocabularySize) {
        this.random = new SplittableRandom(seed);
        this.vocabulary = new String[vocabularySize];
        SplittableRandom words = new SplittableRandom(seed ^ 0x5DEECE66DL);
        for (int i = 0; i < vocabularySize; i++) {
            vocabulary[i] = i < COMMON_WORDS.length ? COMMON_WORDS[i] : word(words, i);
        }
        this.zipf = new double[vocabularySize];
        double sum = 0;
        for (int i = 0; i < vocabularySize; i++) {
            sum += 1.0 / (i + 1);
            zipf[i] = sum;
        }
        for (int i = 0; i < vocabularySize; i++) {
            zipf[i] /= sum;
        }
    }

    private static String word(SplittableRandom r, int i) {
        StringBuilder w = new StringBuilder();
        int n = 2 + r.nextInt(3);
        for (int k = 0; k < n; k++) {
            w.append(SYLLABLES[r.nextInt(SYLLABLES.length)]);
        }
        return w.append(i % 7 == 0 ? "s" : "").toString();
    }

    private String nextWord() {
        double u = random.nextDouble();
        int lo = 0, hi = zipf.length - 1;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (zipf[mid] < u) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return vocabulary[lo];
    }

    /** The next article, with seeded labels on its sentences. */
    AnalysedArticle next(int id) {
        int sentences = 4 + random.nextInt(5);
        boolean common = random.nextDouble() < 0.2;
        boolean rare = random.nextDouble() < 0.002;
        List<TaggedSentence> tagged = new ArrayList<>(sentences);
        List<String> texts = new ArrayList<>(sentences);
        for (int s = 0; s < sentences; s++) {
            int words = 8 + random.nextInt(13);
            StringBuilder b = new StringBuilder();
            List<MentionTone> mentions = new ArrayList<>();
            for (int w = 0; w < words; w++) {
                String word = (w == 3 && s == 0 && common) ? COMMON : (w == 5 && s == 1 && rare) ? RARE : nextWord();
                // About half the words of real sentences are nouns, verbs or adjectives, which carry a phrase tone.
                if (random.nextBoolean()) {
                    mentions.add(new MentionTone(b.length(), b.length() + word.length(),
                            ToneClass.values()[random.nextInt(3)]));
                }
                b.append(w == 0 ? Character.toUpperCase(word.charAt(0)) + word.substring(1) : word).append(' ');
            }
            String text = b.toString().strip() + ".";
            texts.add(text);
            tagged.add(new TaggedSentence(text, label(), List.of(), mentions));
        }
        long days = LAST_DAY.toEpochDay() - FIRST_DAY.toEpochDay() + 1;
        Instant published = FIRST_DAY.plusDays(random.nextLong(days)).atStartOfDay(ZoneOffset.UTC).toInstant()
                .plusSeconds(random.nextInt(86_400));
        Article article = new Article("https://bench.test/" + id, texts.get(0), "Outlet " + random.nextInt(20),
                published, String.join(" ", texts));
        return new AnalysedArticle(article, tagged);
    }

    private int label() {
        double u = random.nextDouble(), acc = 0;
        for (int k = 0; k < LABEL_SHARES.length; k++) {
            acc += LABEL_SHARES[k];
            if (u < acc) {
                return k;
            }
        }
        return 2;
    }
}
