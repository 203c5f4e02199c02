package barometer.crawler.poll;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The exchange format of poll evaluations (README, "Poll files"): {@code {"pollster", "sponsors", "fieldStart",
 * "fieldEnd", "sampleSize", "population", "marginOfError", "geography", "question", "answers"}}, missing values
 * as {@code null}.
 */
public final class PollJson {
    private PollJson() {
    }

    /** A poll in the exchange format. */
    public static ObjectNode write(Poll poll) {
        ObjectNode o = JsonNodeFactory.instance.objectNode();
        o.put("pollster", poll.pollster());
        o.putArray("sponsors").addAll(poll.sponsors().stream().map(JsonNodeFactory.instance::textNode).toList());
        o.put("fieldStart", poll.fieldStart() == null ? null : poll.fieldStart().toString());
        o.put("fieldEnd", poll.fieldEnd() == null ? null : poll.fieldEnd().toString());
        o.put("sampleSize", poll.sampleSize());
        o.put("population", poll.population() == null ? null : poll.population().label());
        o.put("marginOfError", poll.marginOfError());
        o.put("geography", poll.geography());
        o.put("question", poll.question());
        ObjectNode answers = o.putObject("answers");
        poll.answers().forEach(answers::put);
        return o;
    }

    /** A poll read from the exchange format; unknown or null fields stay missing. */
    public static Poll read(JsonNode o) {
        List<String> sponsors = new ArrayList<>();
        o.path("sponsors").forEach(s -> sponsors.add(s.asText()));
        Map<String, Double> answers = new LinkedHashMap<>();
        o.path("answers").properties().forEach(e -> answers.put(e.getKey(), e.getValue().asDouble()));
        return new Poll(text(o, "pollster"), sponsors, date(o, "fieldStart"), date(o, "fieldEnd"), null,
                o.hasNonNull("sampleSize") ? o.get("sampleSize").asInt() : null,
                Population.parse(text(o, "population")).orElse(null), null,
                o.hasNonNull("marginOfError") ? o.get("marginOfError").asDouble() : null, text(o, "geography"), "",
                text(o, "question"), answers, List.of(), List.of(), true, false, "");
    }

    private static String text(JsonNode o, String field) {
        return o.hasNonNull(field) ? o.get(field).asText() : null;
    }

    private static LocalDate date(JsonNode o, String field) {
        return o.hasNonNull(field) ? LocalDate.parse(o.get(field).asText()) : null;
    }
}
