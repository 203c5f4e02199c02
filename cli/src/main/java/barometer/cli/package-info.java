/**
 * Commands that run beside the service, on its data folder or on evaluation data: {@code ./barometer import}
 * and {@code inspect-feed} here, the evaluations in {@link barometer.cli.eval}, the benchmark in
 * {@link barometer.cli.bench}. They use the same crawler and indexer code as the service; the service does not
 * depend on this module, so its jar carries none of them.
 */
package barometer.cli;
