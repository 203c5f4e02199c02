package barometer.crawler.evaluation;

import java.time.LocalDate;
import java.util.List;

/**
 * What one run of an evaluation command measured, as written to {@code methods/<id>.json}.
 *
 * @param id the file's name without {@code .json}: the command and the data set ("eval-sentiment--sst-dev")
 * @param command the command as run
 * @param subject what was measured ("keyword-scoped tone model")
 * @param appliesTo the kind of data the figures speak for ("mentions of people in US political news"): the
 *        product shows a figure only where this holds
 * @param dataset the data set's name
 * @param size items in it (sentences, pages, polls)
 * @param measured the day of the run
 * @param commit the code's commit ({@code -dirty} when the work tree had changes), or "unknown"
 * @param tuning whether the data was used for tuning
 * @param note what a reader must know to cite it (split, what was tuned, first score before changes)
 * @param figures the numbers
 */
public record EvaluationRecord(String id, String command, String subject, String appliesTo, String dataset, int size,
        LocalDate measured, String commit, Tuning tuning, String note, List<Figure> figures) {
    public EvaluationRecord {
        figures = List.copyOf(figures);
        note = note == null ? "" : note;
    }

    /** The value of the named figure, or NaN. */
    public double value(String metric) {
        return figures.stream().filter(f -> f.metric().equals(metric)).mapToDouble(Figure::value).findFirst()
                .orElse(Double.NaN);
    }
}
