package barometer.crawler;

import barometer.crawler.fetch.Validators;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Properties;

/**
 * Each feed's validators (ETag, Last-Modified), kept in a file of the data folder so that a restarted
 * crawler still asks "has it changed?" instead of downloading every feed again. Writes replace the file
 * atomically, so a crash leaves the old or the new state, never half of one.
 */
public final class FeedValidatorStore {
    private final Path file;
    private final Properties state = new Properties();

    /** Reads the store from its file, or starts empty when there is none yet. */
    public FeedValidatorStore(Path file) {
        this.file = file;
        if (Files.exists(file)) {
            try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                state.load(in);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read the feed state in " + file, e);
            }
        }
    }

    /** The validators last seen for a feed, or {@link Validators#NONE}. */
    public synchronized Validators get(String feedUrl) {
        return new Validators(state.getProperty(feedUrl + ".etag", ""), state.getProperty(feedUrl + ".modified", ""));
    }

    /** Records a feed's validators and writes the store. */
    public synchronized void put(String feedUrl, Validators validators) {
        state.setProperty(feedUrl + ".etag", validators.etag());
        state.setProperty(feedUrl + ".modified", validators.lastModified());
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
            try (Writer out = Files.newBufferedWriter(tmp, StandardCharsets.UTF_8)) {
                state.store(out, "Barometer feed validators (ETag, Last-Modified) for conditional GET");
            }
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the feed state in " + file, e);
        }
    }
}
