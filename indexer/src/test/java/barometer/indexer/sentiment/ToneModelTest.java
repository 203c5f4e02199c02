package barometer.indexer.sentiment;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Trains small tone models on mentions annotated by the real CoreNLP pipeline. */
class ToneModelTest {

    /** Two people in one sentence, one praised and one attacked: the tone differs by mention. */
    private static final String BOTH = "Voters praised Hale as brave and honest, but they attacked Marsh as corrupt.";

    private static SentimentTagger tagger;
    private static List<LabelledMention> rows;
    private static List<MentionFeatures> features;

    @BeforeAll
    static void annotate() throws Exception {
        tagger = new SentimentTagger(80, 1, 1, Parser.DEFAULT, null);
        rows = fixtures();
        features = ToneTraining.annotate(tagger, rows, 1);
    }

    private static LabelledMention mention(ToneClass tone, String sentence, String who) {
        int from = sentence.indexOf(who);
        return new LabelledMention(tone, from, from + who.length(), sentence);
    }

    private static List<LabelledMention> fixtures() {
        List<LabelledMention> rows = new ArrayList<>();
        String[] names = {"Ortiz", "Kim", "Novak", "Reyes", "Abbott", "Chen"};
        for (int i = 0; i < names.length; i++) {
            String a = names[i], b = names[(i + 1) % names.length];
            rows.add(mention(ToneClass.POSITIVE, "Voters praised " + a + " as brave and honest.", a));
            rows.add(mention(ToneClass.NEGATIVE, "Critics attacked " + a + " as corrupt and dishonest.", a));
            rows.add(mention(ToneClass.NEUTRAL, a + " spoke to reporters on Tuesday.", a));
            // The same sentence is warm toward one person and hostile toward the other.
            String mixed = "Voters praised " + a + " as brave and honest, but they attacked " + b + " as corrupt.";
            rows.add(mention(ToneClass.POSITIVE, mixed, a));
            rows.add(mention(ToneClass.NEGATIVE, mixed, b));
            String reversed = "Voters attacked " + a + " as corrupt, but they praised " + b + " as brave and honest.";
            rows.add(mention(ToneClass.NEGATIVE, reversed, a));
            rows.add(mention(ToneClass.POSITIVE, reversed, b));
        }
        return rows;
    }

    private static ToneModel trained() {
        return ToneModel.train(features, rows.stream().map(LabelledMention::tone).toList());
    }

    private static ToneClass predict(ToneModel model, String sentence, String who) {
        int from = sentence.indexOf(who);
        return model.predict(tagger.features(sentence, from, from + who.length()));
    }

    /** Hale and Marsh never occur in training: the words around them decide. */
    @Test
    void readsTheToneTowardEachMentionFromTheWordsAroundIt() {
        ToneModel model = trained();

        assertEquals(ToneClass.POSITIVE, predict(model, BOTH, "Hale"));
        assertEquals(ToneClass.NEGATIVE, predict(model, BOTH, "Marsh"));
        assertEquals(ToneClass.NEUTRAL, predict(model, "Lopez spoke to reporters on Tuesday.", "Lopez"));
    }

    @Test
    void aSavedModelPredictsExactlyAsTheTrainedOne(@TempDir Path folder) throws Exception {
        ToneModel model = trained();
        model.save(folder);

        ToneModel loaded = ToneModel.load(folder);

        for (int i = 0; i < rows.size(); i++) {
            assertEquals(model.predict(features.get(i)), loaded.predict(features.get(i)), rows.get(i).sentence());
        }
        assertEquals(ToneClass.NEGATIVE, predict(loaded, BOTH, "Marsh"));
    }

    /** What makes the bundled model reproducible from its command: the same rows give the same file. */
    @Test
    void trainingTwiceOnTheSameRowsWritesTheSameFileByteForByte(@TempDir Path folder) throws Exception {
        trained().save(folder.resolve("one"));
        List<MentionFeatures> again = ToneTraining.annotate(tagger, rows, 1);
        ToneModel.train(again, rows.stream().map(LabelledMention::tone).toList()).save(folder.resolve("two"));

        assertArrayEquals(Files.readAllBytes(folder.resolve("one/tone-model.tsv")),
                Files.readAllBytes(folder.resolve("two/tone-model.tsv")));
    }
}
