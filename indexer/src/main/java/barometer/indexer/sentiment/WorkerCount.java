package barometer.indexer.sentiment;

/**
 * How many articles are tagged at once: one per core unless configured. The workers share one set of CoreNLP
 * models (a shift-reduce set is about 650 MB), so a worker costs a core, not heap; a heap too small for the models
 * and the rest is warned about at start, before tagging would run out of memory.
 *
 * @param workers the articles tagged at once
 * @param reason how the number was reached, for the start-up log
 */
public record WorkerCount(int workers, String reason) {
    /** Heap kept for everything but the models: the tone model, the index, requests, the texts being tagged. */
    static final long RESERVED_MB = 400;

    /**
     * @param configured workers asked for in settings; 0: one per core
     * @param cores available processors
     * @param maxHeapMb the JVM's maximum heap
     */
    public static WorkerCount of(int configured, Parser parser, int cores, long maxHeapMb) {
        int workers = configured > 0 ? configured : cores;
        String how = configured > 0 ? workers + " workers as configured" : workers + " workers: " + cores + " cores";
        long needed = parser.heapMb() + RESERVED_MB;
        String warning = maxHeapMb < needed ? "; the heap of " + maxHeapMb + " MB is below the " + needed
                + " MB they need: raise -Xmx (BAROMETER_JAVA_OPTS)" : "";
        return new WorkerCount(workers, how + ", sharing one set of " + parser.label() + " models of about "
                + parser.heapMb() + " MB beside " + RESERVED_MB + " MB for the rest" + warning);
    }
}
