/**
 * Commands that run beside the service on its data folder: {@code ./barometer import}. They use the same
 * crawler and indexer code as the service; the service does not depend on this module.
 */
package barometer.cli;
