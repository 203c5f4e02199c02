package barometer.api;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;

/**
 * {@code GET /api/methods}: how Barometer's numbers are made and how accurate each part measured, with the data
 * set, its size and the date, so that a chart can be cited. The figures are those of the README's evaluations
 * (re-run them with {@code ./barometer eval-sentiment}, {@code eval-extraction}, {@code eval-polls},
 * {@code poll-average --compare}).
 */
@Path("/api/methods")
@Produces(MediaType.APPLICATION_JSON)
public class MethodsResource {
    private final BarometerConfig config;

    MethodsResource(BarometerConfig config) {
        this.config = config;
    }

    /** One measured figure. */
    public record Measurement(String metric, double value, String dataset, int size, String measured) {
    }

    /** One method: what it is, how it is used, and how well it measured. */
    public record Method(String name, String description, List<Measurement> measurements) {
    }

    /**
     * One tone measure a trend series may use ({@code scope} as in {@code /api/trends}), with the accuracy that
     * the explorer shows beside a tone chart.
     */
    public record ToneMeasure(String scope, String name, String metric, double value, String dataset, int size,
                              String measured) {
    }

    /** The answer: the default tone measure, every tone measure, and every method. */
    public record Methods(String toneMeasure, List<ToneMeasure> toneMeasures, List<Method> methods) {
    }

    private static final String MEASURED = "2026-11-25";
    private static final String HELD_OUT = "NewsMTSC train, held-out fifth of the sentences";
    private static final int HELD_OUT_SIZE = 1741;
    static final double KEYWORD_F1 = 0.637;
    static final double SENTENCE_F1 = 0.451;

    @GET
    @Operation(summary = "Methods and measured accuracy", description = "The tagger, parser, tone measures, poll "
            + "average and extraction, each with its measured accuracy, data set, size and date.")
    public Methods methods() {
        String parser = config.sentiment().parser().label();
        String date = MEASURED;
        List<ToneMeasure> measures = List.of(
                new ToneMeasure("mentions", "keyword-scoped tone model (tone toward the query's words)",
                        "macro-F1", KEYWORD_F1, HELD_OUT, HELD_OUT_SIZE, date),
                new ToneMeasure("sentences", "CoreNLP sentence class of the matching sentences",
                        "macro-F1 toward a named mention", SENTENCE_F1, HELD_OUT, HELD_OUT_SIZE, date),
                new ToneMeasure("articles", "mean CoreNLP sentence class of whole matching articles",
                        "macro-F1 toward a named mention (sentence class)", SENTENCE_F1, HELD_OUT, HELD_OUT_SIZE, date));
        return new Methods("mentions", measures, List.of(
                new Method("sentence sentiment", "Stanford CoreNLP 4.5.10 sentiment annotator (recursive neural "
                        + "tensor network over the binarized parse), " + parser + " parser (shift-reduce is the "
                        + "default: as accurate as PCFG within a point and about ten times faster); each sentence gets "
                        + "a class 0 very negative .. 4 very positive. Sentences over the token cap "
                        + "(barometer.sentiment.max-sentence-tokens) are not parsed, left untagged and counted.",
                        List.of(new Measurement("accuracy, 5 classes (shift-reduce)", 0.395, "SST-5 dev", 1101, date),
                                new Measurement("accuracy, positive/negative (shift-reduce)", 0.703, "SST-5 dev", 1101, date),
                                new Measurement("accuracy, 5 classes (PCFG)", 0.392, "SST-5 dev", 1101, date),
                                new Measurement("accuracy, positive/negative (PCFG)", 0.705, "SST-5 dev", 1101, date))),
                new Method("keyword-scoped tone model", "Tone toward a phrase (runs of nouns, each verb and "
                        + "adjective) of every sentence, computed at indexing: a linear SVM (liblinear, L2, C = 2, class "
                        + "weights 1/1.1/1.35) over the words around the phrase, the sentence's negations and n-grams, "
                        + "CoreNLP's sentiment-tree classes and probabilities around it and its dependency path to the "
                        + "governing words; trained on the NewsMTSC training split (Hamborg and Donnay, EACL 2021, "
                        + "MIT licence) by ./barometer train-tone.",
                        List.of(new Measurement("macro-F1", KEYWORD_F1, HELD_OUT, HELD_OUT_SIZE, date),
                                new Measurement("macro-F1 of the sentence class on the same mentions", SENTENCE_F1,
                                        HELD_OUT, HELD_OUT_SIZE, date))),
                new Method("tone", "A trend's tone per period is a mean on the 0..4 scale with a 95% normal-approximation "
                        + "interval (mean ± 1.96 s/√n) and n. Default (scope=mentions): each place a query's word stands "
                        + "in a matching sentence adds the tone toward the phrase there, 0 negative, 2 neutral or 4 "
                        + "positive, so the mean is 2 + 2 × (share positive − share negative). scope=sentences: the "
                        + "CoreNLP class (0-4) of each matching sentence; scope=articles: each matching article's mean "
                        + "class. A blank query names nothing and gets the sentence measure. Every series says which "
                        + "measure it used (toneMeasure).", List.of()),
                new Method("poll average", "Kalman random-walk smoother over poll results weighted by sampling "
                        + "variance (design effect 1.5) plus a non-sampling error, drift and error by maximum "
                        + "likelihood, pollster house effects removed (centred on the weighted-median pollster), 95% band.",
                        List.of(new Measurement("mean abs difference from the publisher's approve average", 0.67,
                                "approval polls 2017", 343, date),
                                new Measurement("mean abs difference from the publisher's disapprove average", 1.00,
                                        "approval polls 2017", 343, date))),
                new Method("main-text extraction", "Jsoup, readability-like scoring of prose blocks.",
                        List.of(new Measurement("F1 of 4-token shingles, unseen pages", 0.952,
                                "article-extraction-benchmark pages outside ../shared", 121, date),
                                new Measurement("F1 of 4-token shingles", 0.971, "shared extraction pages", 60, date)))));
    }
}
