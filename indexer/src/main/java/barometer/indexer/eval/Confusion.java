package barometer.indexer.eval;

import java.util.List;

/**
 * A confusion matrix over named classes, with accuracy and macro-F1 (the mean of the classes' F1). Rows
 * are gold labels, columns predictions. Not thread-safe.
 */
public final class Confusion {
    private final List<String> classes;
    private final long[][] counts;

    public Confusion(List<String> classes) {
        this.classes = List.copyOf(classes);
        this.counts = new long[classes.size()][classes.size()];
    }

    public void add(int gold, int predicted) {
        counts[gold][predicted]++;
    }

    public long total() {
        long n = 0;
        for (long[] row : counts) {
            for (long c : row) {
                n += c;
            }
        }
        return n;
    }

    public double accuracy() {
        long right = 0;
        for (int i = 0; i < counts.length; i++) {
            right += counts[i][i];
        }
        return total() == 0 ? 0 : (double) right / total();
    }

    /** Mean over the classes of each class's F1 (a class never predicted nor present scores 0). */
    public double macroF1() {
        double sum = 0;
        for (int k = 0; k < counts.length; k++) {
            long tp = counts[k][k], predicted = 0, gold = 0;
            for (int i = 0; i < counts.length; i++) {
                predicted += counts[i][k];
                gold += counts[k][i];
            }
            double p = predicted == 0 ? 0 : (double) tp / predicted;
            double r = gold == 0 ? 0 : (double) tp / gold;
            sum += p + r == 0 ? 0 : 2 * p * r / (p + r);
        }
        return sum / counts.length;
    }

    public String table() {
        StringBuilder out = new StringBuilder(String.format("%-14s", "gold \\ pred"));
        classes.forEach(c -> out.append(String.format("%10s", c)));
        out.append('\n');
        for (int i = 0; i < counts.length; i++) {
            out.append(String.format("%-14s", classes.get(i)));
            for (long c : counts[i]) {
                out.append(String.format("%10d", c));
            }
            out.append('\n');
        }
        return out.toString();
    }
}
