package barometer.indexer.sentiment;

/**
 * How many articles are tagged at once, each on its own CoreNLP pipeline: one per core, but never more pipelines
 * than the heap holds (a shift-reduce pipeline is about 650 MB), so that a machine with many cores and the default
 * heap does not run out of memory.
 *
 * @param workers the pipelines to build
 * @param reason how the number was reached, for the start-up log
 */
public record WorkerCount(int workers, String reason) {
    /** Heap kept for everything but the pipelines: the tone model, the index, requests. */
    static final long RESERVED_MB = 400;

    /**
     * @param configured workers asked for in settings; 0: decide from cores and heap
     * @param cores available processors
     * @param maxHeapMb the JVM's maximum heap
     */
    public static WorkerCount of(int configured, Parser parser, int cores, long maxHeapMb) {
        long fits = Math.max(1, (maxHeapMb - RESERVED_MB) / parser.heapMbPerPipeline());
        if (configured > 0) {
            String warning = configured > fits ? "; the heap of " + maxHeapMb + " MB holds about " + fits
                    + ": raise -Xmx (BAROMETER_JAVA_OPTS) or lower barometer.sentiment.workers" : "";
            return new WorkerCount(configured, configured + " workers as configured" + warning);
        }
        int workers = (int) Math.min(cores, fits);
        return new WorkerCount(workers, workers + " workers: " + cores + " cores, a " + maxHeapMb + " MB heap holds "
                + fits + " " + parser.label() + " pipelines of about " + parser.heapMbPerPipeline() + " MB beside "
                + RESERVED_MB + " MB for the rest");
    }
}
