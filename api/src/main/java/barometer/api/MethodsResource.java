package barometer.api;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import java.util.Locale;
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

    /** The answer. */
    public record Methods(String toneMeasure, List<Method> methods) {
    }

    @GET
    @Operation(summary = "Methods and measured accuracy", description = "The tagger, parser, tone measure, poll "
            + "average and extraction, each with its measured accuracy, data set, size and date.")
    public Methods methods() {
        String parser = config.sentiment().parser().toString().toLowerCase(Locale.ROOT);
        String date = "2026-11-25";
        return new Methods("sentence", List.of(
                new Method("sentence sentiment", "Stanford CoreNLP 4.5.10 sentiment annotator (recursive neural "
                        + "tensor network over the binarized parse), " + parser + " parser; each sentence gets a class "
                        + "0 very negative .. 4 very positive. Sentences over the token cap are left untagged and counted.",
                        List.of(new Measurement("accuracy, 5 classes (PCFG)", 0.392, "SST-5 dev", 1101, date),
                                new Measurement("accuracy, positive/negative (PCFG)", 0.705, "SST-5 dev", 1101, date),
                                new Measurement("accuracy, 5 classes (shift-reduce)", 0.395, "SST-5 dev", 1101, date))),
                new Method("tone", "The tone of a query in a period is the mean class (0-4) of the sentences that "
                        + "match it, with a 95% normal-approximation interval (mean ± 1.96 s/√n) and n; with "
                        + "scope=articles, the mean of whole articles' mean classes. Measure: sentence class.",
                        List.of(new Measurement("macro-F1 toward a named mention (sentence class)", 0.455,
                                "NewsMTSC train", 8739, date))),
                new Method("keyword tone model (not yet used by trends)", "liblinear L2 SVM on the words around a "
                        + "mention (./barometer train-tone).",
                        List.of(new Measurement("macro-F1, held-out fifth", 0.619, "NewsMTSC train", 8739, date))),
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
