package barometer.cli.eval;

import barometer.crawler.evaluation.EvaluationRecords;
import barometer.crawler.evaluation.Figure;
import barometer.indexer.eval.Confusion;
import barometer.indexer.sentiment.Parser;
import barometer.indexer.sentiment.SentimentTagger;
import barometer.indexer.sentiment.TaggedSentence;
import barometer.indexer.sentiment.ToneClass;
import barometer.indexer.sentiment.ToneEncoder;
import barometer.indexer.sentiment.ToneModel;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * {@code ./barometer eval-sentiment FILE [--predictions OUT] [--parser pcfg|shift-reduce]
 * [--measure keyword|sentence] [--tone-model DIR]}: measures the product's tagger (the same
 * {@link SentimentTagger}, parser, length cap and models that indexing uses) on labelled rows, told apart by
 * their column count:
 * <ul>
 *   <li>{@code label<TAB>sentence}, label 0-4 or negative / neutral / positive: the sentence's class;
 *   <li>{@code polarity<TAB>from<TAB>to<TAB>mention<TAB>sentence}: the tone toward a mention, as trends
 *       read it: the keyword-scoped tone model (the bundled one, or {@code --tone-model DIR} written by
 *       {@code ./barometer train-tone}); {@code --measure sentence} scores the class of the mention's
 *       sentence instead, the second measure trends offer.
 * </ul>
 * A text the tokenizer splits into several sentences gets the rounded mean of their labels; a sentence
 * over the length cap counts as neutral (2) and is reported.
 */
public final class SentimentEvaluation {
    private static final List<String> FIVE = List.of("0", "1", "2", "3", "4");
    private static final List<String> THREE = List.of("negative", "neutral", "positive");

    private SentimentEvaluation() {
    }

    public static void main(String[] args) throws IOException {
        if (args.length == 0 || args[0].startsWith("--")) {
            System.err.println("usage: ./barometer eval-sentiment FILE [--predictions OUT] [--parser pcfg|shift-reduce]"
                    + " [--measure keyword|sentence] [--tone-model DIR]");
            System.exit(2);
        }
        Path file = Path.of(args[0]);
        Path out = option(args, "--predictions") == null ? null : Path.of(option(args, "--predictions"));
        Parser parser = option(args, "--parser") == null ? Parser.DEFAULT
                : Parser.valueOf(option(args, "--parser").toUpperCase(Locale.ROOT).replace('-', '_'));
        Rows read = Rows.of(Files.readAllLines(file, StandardCharsets.UTF_8));
        read.problems().stream().limit(10).forEach(problem -> System.err.println(file + ":" + problem));
        if (read.problems().size() > 10) {
            System.err.println(file + ": ... and " + (read.problems().size() - 10) + " more bad rows");
        }
        List<String[]> rows = read.rows();
        if (rows.isEmpty()) {
            System.err.println(file + ": no usable rows; expected label<TAB>sentence or "
                    + "polarity<TAB>from<TAB>to<TAB>mention<TAB>sentence");
            System.exit(2);
        }
        int columns = rows.get(0).length;
        if (!read.problems().isEmpty()) {
            System.out.printf("%d bad rows skipped (reasons above)%n", read.problems().size());
        }
        System.out.printf("%s: %d rows, %s, parser %s%n", file, rows.size(),
                columns == 2 ? "sentence labels" : "tone toward a mention", parser.label());
        String toneModel = option(args, "--tone-model");
        boolean sentenceMeasure = "sentence".equals(option(args, "--measure"));
        ToneEncoder encoder = option(args, "--tone-encoder") == null ? ToneEncoder.NONE
                : ToneEncoder.parse(option(args, "--tone-encoder"));
        ToneModel model = toneModel == null ? encoder.bundledModel() : ToneModel.load(Path.of(toneModel));
        SentimentTagger tagger = new SentimentTagger(80, 1, 1, parser, model, ToneEncoder.encoderFor(model));
        tagger.tag("Warm up the models.");
        Evaluation result = evaluate(tagger, rows, sentenceMeasure);
        if (out != null) {
            try (PrintWriter w = new PrintWriter(Files.newBufferedWriter(out, StandardCharsets.UTF_8))) {
                for (int i = 0; i < rows.size(); i++) {
                    String[] row = rows.get(i).clone();
                    row[0] = result.predictions.get(i);
                    w.println(String.join("\t", row));
                }
            }
            System.out.println("predictions written to " + out);
        }
        System.out.printf("n=%d acc=%.4f f1m=%.4f%n", result.n, result.accuracy, result.macroF1);
        EvaluationRecords records = EvaluationRecords.fromSystemProperties();
        records.report(records.record("eval-sentiment", result.variant() + "-" + parser.label()
                + (toneModel == null ? "" : "-custom-model") + (model.usesEncoder() ? "-minilm" : ""), "./barometer eval-sentiment " + String.join(" ", args),
                file, result.subject() + ", " + parser.label() + " parser",
                columns == 2 ? "sentences" : "mentions", (int) result.n(), "", result.figures()));
    }

    /**
     * The scores and each row's predicted label, in row order, with what the scores are of ({@code variant}
     * and {@code subject}) and every figure as written to {@code methods/}.
     */
    record Evaluation(long n, double accuracy, double macroF1, List<String> predictions, String variant,
            String subject, List<Figure> figures) {
    }

    /**
     * The usable rows of a file (all with the column count of the first usable one) and, for every other
     * non-blank line, {@code "LINE: reason"}.
     */
    record Rows(List<String[]> rows, List<String> problems) {
        static Rows of(List<String> lines) {
            List<String[]> rows = new ArrayList<>();
            List<String> problems = new ArrayList<>();
            int columns = -1;
            for (int i = 0; i < lines.size(); i++) {
                if (lines.get(i).isBlank()) {
                    continue;
                }
                String[] row = lines.get(i).split("\t", -1);
                String problem = columns > 0 && row.length != columns
                        ? row.length + " columns where the file has " + columns
                        : problem(row);
                if (problem == null) {
                    rows.add(row);
                    columns = row.length;
                } else {
                    problems.add((i + 1) + ": " + problem);
                }
            }
            return new Rows(List.copyOf(rows), List.copyOf(problems));
        }

        private static String problem(String[] row) {
            if (row.length != 2 && row.length != 5) {
                return row.length + " columns; expected 2 (label, sentence) or 5 (polarity, from, to, mention, sentence)";
            }
            String label = row[0].strip().toLowerCase(Locale.ROOT);
            if (!label.matches("[0-4]|negative|neutral|positive")) {
                return "label '" + row[0] + "' is none of 0-4, negative, neutral, positive";
            }
            if (row.length == 5) {
                try {
                    int from = Integer.parseInt(row[1].strip()), to = Integer.parseInt(row[2].strip());
                    if (from < 0 || to <= from || to > row[4].length()) {
                        return "mention [" + from + ", " + to + ") is not inside the sentence of " + row[4].length()
                                + " characters";
                    }
                } catch (NumberFormatException e) {
                    return "offsets '" + row[1] + "', '" + row[2] + "' are not whole numbers";
                }
            }
            return null;
        }
    }

    /** Scores rows of one format (see the class comment) with the tagger, printing the details. */
    static Evaluation evaluate(SentimentTagger tagger, List<String[]> rows, boolean sentenceMeasure) {
        return rows.get(0).length == 2 ? sentences(tagger, rows)
                : sentenceMeasure ? mentions(tagger, rows) : keywordTone(tagger, rows);
    }

    private static Evaluation sentences(SentimentTagger tagger, List<String[]> rows) {
        boolean fiveClass = rows.stream().allMatch(r -> r[0].strip().matches("[0-4]"));
        Confusion five = new Confusion(FIVE), three = new Confusion(THREE), binary = new Confusion(List.of("negative", "positive"));
        List<String> predictions = new ArrayList<>();
        int overCap = 0, split = 0, wrongSideNeutral = 0;
        long t0 = System.nanoTime();
        for (String[] row : rows) {
            List<TaggedSentence> tagged = tagger.tag(row[1]);
            split += tagged.size() > 1 ? 1 : 0;
            overCap += tagged.stream().anyMatch(s -> !s.isTagged()) ? 1 : 0;
            int predicted = label(tagged);
            predictions.add(Integer.toString(predicted));
            int gold3 = goldClass(row[0]);
            int pred3 = ToneClass.ofLabel(predicted).ordinal();
            three.add(gold3, pred3);
            if (fiveClass) {
                five.add(Integer.parseInt(row[0].strip()), predicted);
            }
            if (gold3 != 1) {
                if (pred3 == 1) {
                    wrongSideNeutral++;
                }
                binary.add(gold3 == 0 ? 0 : 1, pred3 == 1 ? 1 - gold3 / 2 : pred3 / 2);
            }
        }
        double seconds = (System.nanoTime() - t0) / 1e9;
        if (fiveClass) {
            System.out.printf("5 classes: accuracy %.4f, macro-F1 %.4f%n%s", five.accuracy(), five.macroF1(), five.table());
        }
        System.out.printf("3 classes (0-1 negative, 2 neutral, 3-4 positive): accuracy %.4f, macro-F1 %.4f%n%s",
                three.accuracy(), three.macroF1(), three.table());
        System.out.printf("positive/negative (gold neutral left out; a predicted neutral counts as wrong, %d of "
                + "%d): accuracy %.4f%n", wrongSideNeutral, binary.total(), binary.accuracy());
        System.out.printf("%d rows split into several sentences, %d over the length cap; %.1f sentences/s%n",
                split, overCap, rows.size() / seconds);
        Confusion main = fiveClass ? five : three;
        List<Figure> figures = new ArrayList<>();
        if (fiveClass) {
            figures.add(new Figure("accuracy, 5 classes", five.accuracy()));
            figures.add(new Figure("macro-F1, 5 classes", five.macroF1()));
        }
        figures.add(new Figure("accuracy, 3 classes", three.accuracy()));
        figures.add(new Figure("macro-F1, 3 classes", three.macroF1()));
        figures.add(new Figure("accuracy, positive/negative", binary.accuracy()));
        return new Evaluation(rows.size(), main.accuracy(), main.macroF1(), predictions, "sentence",
                "sentence sentiment (CoreNLP)", figures);
    }

    private static Evaluation mentions(SentimentTagger tagger, List<String[]> rows) {
        Confusion three = new Confusion(THREE);
        List<String> predictions = new ArrayList<>();
        Map<String, Integer> labelOfSentence = new HashMap<>();
        long t0 = System.nanoTime();
        for (String[] row : rows) {
            // Mentions of one sentence share its label: tag each distinct sentence once.
            int predicted = labelOfSentence.computeIfAbsent(row[4], s -> label(tagger.tag(s)));
            ToneClass tone = ToneClass.ofLabel(predicted);
            predictions.add(tone.label());
            three.add(goldClass(row[0]), tone.ordinal());
        }
        double seconds = (System.nanoTime() - t0) / 1e9;
        System.out.printf("tone toward the mention = class of its sentence: accuracy %.4f, macro-F1 %.4f%n%s",
                three.accuracy(), three.macroF1(), three.table());
        System.out.printf("%d distinct sentences; %.1f mentions/s%n", labelOfSentence.size(), rows.size() / seconds);
        return new Evaluation(rows.size(), three.accuracy(), three.macroF1(), predictions, "sentence-class",
                "sentence class as the tone toward a mention", List.of(new Figure("macro-F1", three.macroF1()),
                        new Figure("accuracy", three.accuracy())));
    }

    /** The keyword-scoped tone model's prediction for each mention. */
    private static Evaluation keywordTone(SentimentTagger tagger, List<String[]> rows) {
        Confusion three = new Confusion(THREE);
        List<String> predictions = new ArrayList<>();
        long t0 = System.nanoTime();
        for (String[] row : rows) {
            ToneClass tone = tagger.toneToward(row[4], Integer.parseInt(row[1].strip()), Integer.parseInt(row[2].strip()));
            predictions.add(tone.label());
            three.add(goldClass(row[0]), tone.ordinal());
        }
        double seconds = (System.nanoTime() - t0) / 1e9;
        System.out.printf("tone toward the mention = keyword-scoped tone model: accuracy %.4f, macro-F1 %.4f%n%s",
                three.accuracy(), three.macroF1(), three.table());
        System.out.printf("%.1f mentions/s%n", rows.size() / seconds);
        return new Evaluation(rows.size(), three.accuracy(), three.macroF1(), predictions, "keyword",
                "keyword-scoped tone model", List.of(new Figure("macro-F1", three.macroF1()),
                        new Figure("accuracy", three.accuracy())));
    }

    /** The rounded mean label of the tagged sentences; 2 when none could be tagged. */
    private static int label(List<TaggedSentence> tagged) {
        double mean = tagged.stream().filter(TaggedSentence::isTagged).mapToInt(TaggedSentence::sentiment)
                .average().orElse(2);
        return (int) Math.round(mean);
    }

    private static int goldClass(String label) {
        String l = label.strip().toLowerCase(Locale.ROOT);
        return switch (l) {
            case "0", "1", "negative" -> 0;
            case "2", "neutral" -> 1;
            case "3", "4", "positive" -> 2;
            default -> throw new IllegalArgumentException("unknown label '" + label + "'");
        };
    }

    private static String option(String[] args, String name) {
        for (int i = 0; i + 1 < args.length; i++) {
            if (args[i].equals(name)) {
                return args[i + 1];
            }
        }
        return null;
    }
}
