package barometer.crawler.evaluation;

/**
 * One measured number.
 *
 * @param metric what it is ("macro-F1", "accuracy, 5 classes", "share of new polls inside the 90% interval")
 * @param value the number
 */
public record Figure(String metric, double value) {
}
