/**
 * A local OpenSearch cluster for trying scale-out on one machine and for the OpenSearch backend's tests
 * ({@link barometer.cluster.LocalCluster}, run by {@code ./barometer cluster}). A module of its own, without the
 * project's parent POM: OpenSearch's Lucene and netty must not meet Barometer's.
 */
package barometer.cluster;
