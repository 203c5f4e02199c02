package barometer.crawler.evaluation;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * Writes and reads the {@code methods/} folder. The folder, the shared data folder and the commit come from the
 * launcher ({@code -Dbarometer.methods-dir}, {@code -Dshared.dir}, {@code -Dbarometer.commit}); a command run
 * without them writes to {@code ./methods} with commit "unknown".
 */
public final class EvaluationRecords {
    private static final ObjectMapper JSON = new ObjectMapper().registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS).enable(SerializationFeature.INDENT_OUTPUT);

    private final Path dir;

    public EvaluationRecords(Path dir) {
        this.dir = dir;
    }

    /** The folder the launcher named, else {@code ./methods}. */
    public static EvaluationRecords fromSystemProperties() {
        return new EvaluationRecords(Path.of(System.getProperty("barometer.methods-dir", "methods")));
    }

    /** The data sets known to this folder. */
    public DataSets dataSets() {
        return DataSets.read(dir, Path.of(System.getProperty("shared.dir", "../shared")),
                Path.of(System.getProperty("barometer.project-dir", ".")));
    }

    /** The commit the launcher passed, or "unknown". */
    public static String commit() {
        return System.getProperty("barometer.commit", "unknown");
    }

    /** A file name part from a data set's name: "SST-5 dev" becomes "sst-5-dev". */
    public static String slug(String name) {
        String s = name.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("(^-|-$)", "");
        return s.isEmpty() ? "data" : s;
    }

    /**
     * A record for a run of {@code command} over the data set at {@code data}, measured today at this commit,
     * with the data set's name, tuning and scope from {@code datasets.json} (the scope given here when the data
     * set has none).
     *
     * @param variant tells apart two measurements of one command on one data set ("keyword", "sentence-class"),
     *        or empty
     */
    public EvaluationRecord record(String command, String variant, String commandLine, Path data, String subject,
            String appliesTo, int size, String note, List<Figure> figures) {
        DataSets.DataSet set = dataSets().of(data);
        String fullNote = set.note().isEmpty() ? note : note.isEmpty() ? set.note() : note + " " + set.note();
        String id = command + (variant.isEmpty() ? "" : "--" + slug(variant)) + "--" + slug(set.name());
        return new EvaluationRecord(id, commandLine, subject, set.appliesTo().isEmpty() ? appliesTo : set.appliesTo(),
                set.name(), size, LocalDate.now(), commit(), set.tuning(), fullNote, figures);
    }

    /** Writes the record and says where, on standard error. */
    public void report(EvaluationRecord record) {
        System.err.println("figures written to " + write(record));
    }

    /** Writes the record as {@code <id>.json}, atomically (a reader never sees half a file). */
    public Path write(EvaluationRecord record) {
        try {
            Files.createDirectories(dir);
            Path target = dir.resolve(record.id() + ".json");
            Path tmp = Files.createTempFile(dir, record.id(), ".tmp");
            JSON.writeValue(tmp.toFile(), record);
            Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            return target;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the evaluation record to " + dir, e);
        }
    }

    /** Every record in the folder, by id; files that do not parse are skipped (and named in the exception-free log). */
    public List<EvaluationRecord> readAll() {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        List<EvaluationRecord> out = new ArrayList<>();
        try (Stream<Path> files = Files.list(dir)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".json"))
                    .filter(p -> !p.getFileName().toString().equals("datasets.json")).sorted().toList()) {
                try {
                    out.add(JSON.readValue(f.toFile(), EvaluationRecord.class));
                } catch (IOException e) {
                    System.err.println("methods: skipped unreadable " + f + ": " + e.getMessage());
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + dir, e);
        }
        out.sort(Comparator.comparing(EvaluationRecord::id));
        return List.copyOf(out);
    }
}
