package barometer.indexer.tone;

import barometer.indexer.eval.Confusion;
import barometer.indexer.sentiment.ToneClass;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code ./barometer train-tone TRAIN.tsv [--out DIR]}: trains the {@link ToneModel} on
 * {@code polarity<TAB>from<TAB>to<TAB>mention<TAB>sentence} rows. It first measures the model on a held-out
 * fifth of the sentences (chosen by a hash of the sentence, so mentions of one sentence stay together and
 * the split is the same on every run), then trains on every row and writes the model to DIR
 * (default {@code data/tone-model}).
 */
public final class ToneTraining {
    private ToneTraining() {
    }

    public static void main(String[] args) throws IOException {
        if (args.length == 0 || args[0].startsWith("--")) {
            System.err.println("usage: ./barometer train-tone TRAIN.tsv [--out DIR]");
            System.exit(2);
        }
        Path out = Path.of("data", "tone-model");
        for (int i = 1; i + 1 < args.length; i++) {
            if (args[i].equals("--out")) {
                out = Path.of(args[i + 1]);
            }
        }
        List<LabelledMention> rows = read(Path.of(args[0]));
        List<LabelledMention> train = new ArrayList<>(), heldOut = new ArrayList<>();
        for (LabelledMention m : rows) {
            ((m.sentence().hashCode() & 0x7fffffff) % 5 == 0 ? heldOut : train).add(m);
        }
        long t0 = System.nanoTime();
        ToneModel model = ToneModel.train(train);
        double seconds = (System.nanoTime() - t0) / 1e9;
        Confusion confusion = new Confusion(List.of("negative", "neutral", "positive"));
        for (LabelledMention m : heldOut) {
            confusion.add(m.tone().ordinal(), model.predict(m.sentence(), m.from(), m.to()).ordinal());
        }
        System.out.printf("trained on %d mentions in %.1f s; held out %d (a fifth of the sentences)%n",
                train.size(), seconds, heldOut.size());
        System.out.println(confusion.table());
        ToneModel full = ToneModel.train(rows);
        full.save(out);
        System.out.println("model trained on all " + rows.size() + " mentions written to " + out);
        System.out.printf("n=%d acc=%.4f f1m=%.4f%n", heldOut.size(), confusion.accuracy(), confusion.macroF1());
    }

    static List<LabelledMention> read(Path file) throws IOException {
        List<LabelledMention> rows = new ArrayList<>();
        int line = 0;
        for (String l : Files.readAllLines(file, StandardCharsets.UTF_8)) {
            line++;
            if (l.isBlank()) {
                continue;
            }
            String[] c = l.split("\t", -1);
            ToneClass tone = c.length == 5 ? ToneClass.parse(c[0]) : null;
            if (tone == null) {
                throw new IllegalArgumentException(file + ":" + line
                        + ": expected polarity<TAB>from<TAB>to<TAB>mention<TAB>sentence");
            }
            rows.add(new LabelledMention(tone, Integer.parseInt(c[1].strip()), Integer.parseInt(c[2].strip()), c[4]));
        }
        return rows;
    }
}
