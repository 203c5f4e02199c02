package barometer.cli;

import barometer.crawler.feed.FeedInspection;
import barometer.crawler.fetch.FetchException;
import barometer.crawler.fetch.FetchSettings;
import barometer.crawler.fetch.Fetcher;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;

/** {@code ./barometer inspect-feed URL [URL ...] | --urls FILE}: prints what Barometer reads from feeds ({@link FeedInspection}), one JSON object per feed. */
public final class FeedInspectionCommand {
    private FeedInspectionCommand() {
    }

    public static void main(String[] args) throws IOException {
        List<String> urls = new ArrayList<>();
        for (int i = 0; i < args.length; i++) {
            if (args[i].equals("--urls") && i + 1 < args.length) {
                Files.readAllLines(Path.of(args[++i]), StandardCharsets.UTF_8).stream().map(String::strip)
                        .filter(l -> !l.isEmpty() && !l.startsWith("#")).forEach(urls::add);
            } else if (args[i].startsWith("--")) {
                urls.clear();
                break;
            } else {
                urls.add(args[i]);
            }
        }
        if (urls.isEmpty()) {
            System.err.println("usage: ./barometer inspect-feed URL [URL ...] | --urls FILE (one URL a line)");
            System.exit(2);
        }
        try (Fetcher fetcher = new Fetcher(FetchSettings.defaults())) {
            ObjectMapper json = new ObjectMapper();
            FeedInspection inspection = new FeedInspection(fetcher);
            for (String url : urls) {
                System.out.println(json.writeValueAsString(inspection.inspect(url)));
            }
        }
    }
}
