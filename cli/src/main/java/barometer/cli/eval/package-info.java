/**
 * The evaluation commands ({@code ./barometer eval-*}, {@code poll-average}): each runs the product's own code
 * path on labelled data, prints what it measured and writes it to {@code methods/} through
 * {@link barometer.crawler.evaluation.EvaluationRecords}. The scoring that the crawler's own quality tests also
 * use ({@code ExtractionEvaluation}, {@code PollEvaluation}) stays beside the code it scores.
 */
package barometer.cli.eval;
