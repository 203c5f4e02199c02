/**
 * {@code ./barometer bench}: index rate, query latencies, tagging and ingest speed on a seeded synthetic corpus
 * ({@link barometer.cli.bench.SyntheticCorpus}) and real news sentences.
 */
package barometer.cli.bench;
