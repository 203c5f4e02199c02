package barometer.indexer.sentiment;

/**
 * A sentence as the {@link SentenceEncoder} read it: one vector per word piece (the special start and end
 * pieces included) and, for each piece, the characters of the sentence it covers ({@code -1} for the special
 * ones).
 */
record EncodedSentence(float[][] vectors, int[] begin, int[] end) {

    /** The mean of every piece's vector: the sentence's embedding as sentence-transformers pools it. */
    float[] mean() {
        return meanOf(0, vectors.length, -1, -1);
    }

    /**
     * The mean vector of the pieces that overlap the characters [from, to); the sentence's mean when none do
     * (a mention past the encoder's length cap).
     */
    float[] over(int from, int to) {
        float[] v = meanOf(0, vectors.length, from, to);
        return v == null ? mean() : v;
    }

    private float[] meanOf(int first, int last, int from, int to) {
        float[] sum = new float[vectors.length == 0 ? SentenceEncoder.DIMENSIONS : vectors[0].length];
        int n = 0;
        for (int t = first; t < last; t++) {
            if (from >= 0 && !(begin[t] >= 0 && end[t] > from && begin[t] < to)) {
                continue;
            }
            float[] v = vectors[t];
            for (int d = 0; d < sum.length; d++) {
                sum[d] += v[d];
            }
            n++;
        }
        if (n == 0) {
            return from >= 0 ? null : sum;
        }
        for (int d = 0; d < sum.length; d++) {
            sum[d] /= n;
        }
        return sum;
    }
}
