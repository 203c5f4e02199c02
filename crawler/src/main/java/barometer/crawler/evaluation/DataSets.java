package barometer.crawler.evaluation;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.Map;

/**
 * What the team knows about the data sets it measures on, from {@code methods/datasets.json}: for each path
 * (relative to the shared data folder, or to the project), its name and whether it was used for tuning. A path
 * not listed is named by its file name and counted {@link Tuning#UNKNOWN}.
 */
public final class DataSets {
    /**
     * One data set.
     *
     * @param name its name as cited
     * @param tuning whether it was used for tuning
     * @param appliesTo the kind of data it stands for (figures measured on it speak for that kind only)
     * @param note what a reader must know (which split, what was tuned on it)
     */
    public record DataSet(String name, Tuning tuning, String appliesTo, String note) {
    }

    private final JsonNode entries;
    private final Path shared;
    private final Path project;

    private DataSets(JsonNode entries, Path shared, Path project) {
        this.entries = entries;
        this.shared = shared;
        this.project = project;
    }

    /** Reads {@code datasets.json} in the methods folder (none: every set is unknown). */
    public static DataSets read(Path methodsDir, Path shared, Path project) {
        Path file = methodsDir.resolve("datasets.json");
        try {
            JsonNode node = Files.isRegularFile(file) ? new ObjectMapper().readTree(file.toFile())
                    : new ObjectMapper().createObjectNode();
            return new DataSets(node, shared.toAbsolutePath().normalize(), project.toAbsolutePath().normalize());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }

    /** The data set at {@code path}. */
    public DataSet of(Path path) {
        Path p = path.toAbsolutePath().normalize();
        String key = p.startsWith(shared) ? "shared/" + shared.relativize(p)
                : p.startsWith(project) ? project.relativize(p).toString() : p.toString();
        key = key.replace('\\', '/');
        for (Iterator<Map.Entry<String, JsonNode>> it = entries.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            if (e.getKey().equals(key)) {
                JsonNode v = e.getValue();
                return new DataSet(v.path("name").asText(key), Tuning.valueOf(v.path("tuning").asText("UNKNOWN")),
                        v.path("appliesTo").asText(""), v.path("note").asText(""));
            }
        }
        return new DataSet(key, Tuning.UNKNOWN, "", "");
    }
}
