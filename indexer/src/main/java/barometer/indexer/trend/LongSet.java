package barometer.indexer.trend;

/**
 * A set of longs without boxing (open addressing, linear probing): distinct stories are counted per bucket for
 * every matching article, and a {@code HashSet<Long>} cost an allocation and two indirections each.
 * Not thread-safe.
 */
public final class LongSet {
    private static final long EMPTY = 0;
    private long[] slots = new long[16];
    private boolean hasEmptyValue;
    private int size;

    /** Adds a value; returns whether it was new. */
    public boolean add(long value) {
        if (value == EMPTY) {
            boolean added = !hasEmptyValue;
            hasEmptyValue = true;
            size += added ? 1 : 0;
            return added;
        }
        if ((size + 1) * 2 > slots.length) {
            grow();
        }
        int mask = slots.length - 1;
        for (int i = mix(value) & mask; ; i = (i + 1) & mask) {
            if (slots[i] == value) {
                return false;
            }
            if (slots[i] == EMPTY) {
                slots[i] = value;
                size++;
                return true;
            }
        }
    }

    /** Adds every value of another set. */
    public void addAll(LongSet other) {
        if (other.hasEmptyValue) {
            add(EMPTY);
        }
        for (long v : other.slots) {
            if (v != EMPTY) {
                add(v);
            }
        }
    }

    /** About the heap the set holds, in bytes (its slots and header). */
    public long heapBytes() {
        return 32 + 8L * slots.length;
    }

    public int size() {
        return size;
    }

    private void grow() {
        long[] old = slots;
        slots = new long[old.length * 2];
        size = hasEmptyValue ? 1 : 0;
        int mask = slots.length - 1;
        for (long v : old) {
            if (v != EMPTY) {
                int i = mix(v) & mask;
                while (slots[i] != EMPTY) {
                    i = (i + 1) & mask;
                }
                slots[i] = v;
                size++;
            }
        }
    }

    /** Story keys are hashes already, but spread them anyway: a caller may use small consecutive ids. */
    private static int mix(long v) {
        long h = v * 0x9E3779B97F4A7C15L;
        return (int) (h ^ (h >>> 32));
    }
}
