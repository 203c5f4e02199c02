package barometer.crawler.archive;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.zip.GZIPInputStream;

/**
 * One JSON object per line ({@link ArchiveFields} names the keys). A line that is not an object, or lacks a URL
 * or text, is a problem at its byte offset; blank lines are not records.
 */
final class JsonLinesArchive implements ArchiveReader {
    private static final ObjectMapper JSON = new ObjectMapper();
    /** A line longer than this is not one article. */
    private static final int MAX_LINE_BYTES = 20 * 1024 * 1024;

    @Override
    public void read(Path file, long skip, Visitor visitor) throws IOException {
        try (Counting raw = new Counting(Files.newInputStream(file));
             InputStream in = new BufferedInputStream(file.toString().endsWith(".gz") ? new GZIPInputStream(raw, 65536) : raw, 65536)) {
            long offset = 0, ordinal = 0;
            ByteArrayOutputStream line = new ByteArrayOutputStream();
            boolean tooLong = false;
            int b;
            while (true) {
                b = in.read();
                if (b != '\n' && b != -1) {
                    if (line.size() < MAX_LINE_BYTES) {
                        line.write(b);
                    } else {
                        tooLong = true;
                    }
                    continue;
                }
                String text = line.toString(StandardCharsets.UTF_8);
                long start = offset;
                offset += line.size() + (tooLong ? 1 : 0) + (b == '\n' ? 1 : 0);
                line.reset();
                if (!text.isBlank() || tooLong) {
                    long number = ordinal++;
                    visitor.progress(raw.count);
                    if (number >= skip) {
                        handle(number, start, text, tooLong, visitor);
                    }
                }
                tooLong = false;
                if (b == -1) {
                    return;
                }
            }
        }
    }

    private static void handle(long ordinal, long position, String line, boolean tooLong, Visitor visitor) {
        if (tooLong) {
            visitor.problem(ordinal, position, "line longer than " + MAX_LINE_BYTES + " bytes");
            return;
        }
        JsonNode node;
        try {
            node = JSON.readTree(line);
        } catch (IOException e) {
            visitor.problem(ordinal, position, "not JSON: " + e.getMessage().lines().findFirst().orElse(""));
            return;
        }
        if (node == null || !node.isObject()) {
            visitor.problem(ordinal, position, "not a JSON object");
            return;
        }
        Map<String, String> values = new HashMap<>();
        node.properties().forEach(e -> {
            JsonNode v = e.getValue();
            String text = v.isArray() ? String.join("; ", (Iterable<String>) () -> java.util.stream.StreamSupport
                    .stream(v.spliterator(), false).map(JsonNode::asText).iterator())
                    : v.isValueNode() && !v.isNull() ? v.asText() : null;
            values.putIfAbsent(ArchiveFields.key(e.getKey()), text);
        });
        String[] problem = new String[1];
        ArchiveRecord record = ArchiveFields.record(position, values::get, problem);
        if (record == null) {
            visitor.problem(ordinal, position, problem[0]);
        } else {
            visitor.record(ordinal, record);
        }
    }

    /** Counts the bytes read from the file itself (compressed ones, for a gzipped file). */
    static final class Counting extends FilterInputStream {
        long count;

        Counting(InputStream in) {
            super(in);
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) {
                count++;
            }
            return b;
        }

        @Override
        public int read(byte[] buf, int off, int len) throws IOException {
            int n = super.read(buf, off, len);
            if (n > 0) {
                count += n;
            }
            return n;
        }
    }
}
