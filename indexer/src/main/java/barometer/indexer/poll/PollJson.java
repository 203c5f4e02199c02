package barometer.indexer.poll;

import barometer.crawler.poll.Poll;
import barometer.crawler.poll.PollEvidence;
import barometer.crawler.poll.Population;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A poll as JSON, the form every backend stores it in: all its fields, so that it reads back equal. */
public final class PollJson {
    private static final ObjectMapper JSON = new ObjectMapper();

    private PollJson() {
    }

    /** The poll as a JSON object. */
    public static String write(Poll poll) {
        return json(poll);
    }

    /** A poll written by {@link #write}. */
    public static Poll read(String json) {
        try {
            return read(JSON.readTree(json));
        } catch (IOException e) {
            throw new UncheckedIOException("a stored poll is not readable JSON", e);
        }
    }

    private static String json(Poll p) {
        ObjectNode o = JSON.createObjectNode();
        o.put("pollster", p.pollster());
        strings(o.putArray("sponsors"), p.sponsors());
        o.put("fieldStart", text(p.fieldStart()));
        o.put("fieldEnd", text(p.fieldEnd()));
        o.put("released", text(p.released()));
        o.put("sampleSize", p.sampleSize());
        o.put("population", p.population() == null ? null : p.population().label());
        o.put("mode", p.mode());
        o.put("marginOfError", p.marginOfError());
        o.put("geography", p.geography());
        o.put("topic", p.topic());
        o.put("question", p.question());
        ObjectNode answers = o.putObject("answers");
        p.answers().forEach(answers::put);
        strings(o.putArray("sources"), p.sources());
        ArrayNode evidence = o.putArray("evidence");
        for (PollEvidence e : p.evidence()) {
            evidence.addObject().put("field", e.field()).put("value", e.value()).put("sentence", e.sentence())
                    .put("source", e.source()).put("confidence", e.confidence());
        }
        o.put("confirmed", p.confirmed());
        o.put("tracking", p.tracking());
        o.put("externalId", p.externalId());
        return o.toString();
    }

    private static Poll read(JsonNode o) {
        Map<String, Double> answers = new LinkedHashMap<>();
        o.path("answers").properties().forEach(e -> answers.put(e.getKey(), e.getValue().asDouble()));
        List<PollEvidence> evidence = new ArrayList<>();
        for (JsonNode e : o.path("evidence")) {
            evidence.add(new PollEvidence(e.path("field").asText(), e.path("value").asText(),
                    e.path("sentence").asText(), e.path("source").asText(), e.path("confidence").asDouble()));
        }
        return new Poll(nullable(o, "pollster"), strings(o.path("sponsors")), date(o, "fieldStart"),
                date(o, "fieldEnd"), date(o, "released"), o.hasNonNull("sampleSize") ? o.get("sampleSize").asInt() : null,
                Population.parse(nullable(o, "population")).orElse(null), nullable(o, "mode"),
                o.hasNonNull("marginOfError") ? o.get("marginOfError").asDouble() : null, nullable(o, "geography"),
                o.path("topic").asText(""), nullable(o, "question"), answers, strings(o.path("sources")), evidence,
                o.path("confirmed").asBoolean(), o.path("tracking").asBoolean(), o.path("externalId").asText(""));
    }

    private static void strings(ArrayNode array, List<String> values) {
        values.forEach(array::add);
    }

    private static List<String> strings(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(n -> out.add(n.asText()));
        return out;
    }

    private static String text(LocalDate d) {
        return d == null ? null : d.toString();
    }

    private static String nullable(JsonNode o, String field) {
        return o.hasNonNull(field) ? o.get(field).asText() : null;
    }

    private static LocalDate date(JsonNode o, String field) {
        return o.hasNonNull(field) ? LocalDate.parse(o.get(field).asText()) : null;
    }
}
