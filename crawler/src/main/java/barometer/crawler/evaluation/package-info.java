/**
 * Measured figures as files: every evaluation command ({@code eval-sentiment}, {@code eval-extraction},
 * {@code eval-polls}, {@code train-tone}, {@code eval-polls-forecast}, {@code eval-tone-interval}) writes what it
 * measured as an {@link barometer.crawler.evaluation.EvaluationRecord} under {@code methods/}, with its data
 * set, size, date, commit and whether that data was used for tuning; {@code GET /api/methods} and the README
 * quote those files, never constants typed into code.
 */
package barometer.crawler.evaluation;
