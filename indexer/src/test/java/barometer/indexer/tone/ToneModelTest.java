package barometer.indexer.tone;

import static org.junit.jupiter.api.Assertions.assertEquals;

import barometer.indexer.sentiment.ToneClass;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ToneModelTest {

    /** Two people in one sentence, one praised and one attacked: the tone differs by mention. */
    private static final String BOTH = "Voters praised Hale as brave and honest, but they attacked Marsh as corrupt.";

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

    /** Hale and Marsh never occur in training: the words around them decide. */
    @Test
    void readsTheToneTowardEachMentionFromTheWordsAroundIt() {
        ToneModel model = ToneModel.train(fixtures());

        assertEquals(ToneClass.POSITIVE, model.predict(BOTH, BOTH.indexOf("Hale"), BOTH.indexOf("Hale") + 4));
        assertEquals(ToneClass.NEGATIVE, model.predict(BOTH, BOTH.indexOf("Marsh"), BOTH.indexOf("Marsh") + 5));
        String plain = "Lopez spoke to reporters on Tuesday.";
        assertEquals(ToneClass.NEUTRAL, model.predict(plain, 0, 5));
    }

    @Test
    void aSavedModelPredictsExactlyAsTheTrainedOne(@TempDir Path folder) throws Exception {
        ToneModel model = ToneModel.train(fixtures());
        model.save(folder);

        ToneModel loaded = ToneModel.load(folder);

        for (LabelledMention m : fixtures()) {
            assertEquals(model.predict(m.sentence(), m.from(), m.to()), loaded.predict(m.sentence(), m.from(), m.to()));
        }
        assertEquals(ToneClass.NEGATIVE, loaded.predict(BOTH, BOTH.indexOf("Marsh"), BOTH.indexOf("Marsh") + 5));
    }
}
