package barometer.crawler.poll;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * One opinion poll: who asked whom, when, what, and what they answered. Missing values are {@code null}
 * (or empty); nothing is guessed.
 *
 * <p>Answer shares are percents (32 means 32%). Stance questions (secede, leave, independence, yes/no) use the
 * labels {@code support}, {@code oppose} and {@code unsure}; other questions keep their own option words
 * ({@code approve}, {@code disapprove}, ...).
 *
 * @param pollster the firm that ran the fieldwork (Ipsos in "a Reuters/Ipsos poll")
 * @param sponsors who commissioned or published it (Reuters), possibly none
 * @param fieldStart first day of fieldwork
 * @param fieldEnd last day of fieldwork
 * @param released day the results were published
 * @param sampleSize respondents
 * @param population adults, registered voters, likely voters
 * @param mode how people were reached (online, telephone...), when stated
 * @param marginOfError the stated margin of error or credibility interval, in points (3.5 for +/-3.5)
 * @param geography where the population lives ("California", "Scotland", "United States")
 * @param topic Barometer's topic tag (e.g. "calexit")
 * @param question the question wording, when quoted
 * @param answers answer label to share, in the order given
 * @param sources pages or files that reported this poll (several when articles report the same poll)
 * @param evidence where each value was read, with its confidence
 * @param confirmed false when a key value (pollster, a share, the date) is missing or hedged: such a poll is
 *        shown as unconfirmed and kept out of averages
 * @param tracking a daily tracking poll whose fieldwork windows overlap the previous release's
 * @param externalId the identifier a data file gave it (e.g. "49249:77261"), or empty
 */
public record Poll(String pollster, List<String> sponsors, LocalDate fieldStart, LocalDate fieldEnd,
        LocalDate released, Integer sampleSize, Population population, String mode, Double marginOfError,
        String geography, String topic, String question, Map<String, Double> answers, List<String> sources,
        List<PollEvidence> evidence, boolean confirmed, boolean tracking, String externalId) {

    public Poll {
        sponsors = List.copyOf(sponsors == null ? List.of() : sponsors);
        answers = Collections.unmodifiableMap(new LinkedHashMap<>(answers == null ? Map.of() : answers));
        sources = List.copyOf(sources == null ? List.of() : new LinkedHashSet<>(sources));
        evidence = List.copyOf(evidence == null ? List.of() : evidence);
        topic = topic == null ? "" : topic.strip();
        externalId = externalId == null ? "" : externalId.strip();
        if (fieldStart != null && fieldEnd != null && fieldStart.isAfter(fieldEnd)) {
            throw new IllegalArgumentException("field start " + fieldStart + " is after field end " + fieldEnd);
        }
    }

    /** The day a poll is placed at on a time line: its last fieldwork day, else its release day. */
    public LocalDate date() {
        return fieldEnd != null ? fieldEnd : released;
    }

    /** The share of one answer, or {@code null} when the poll does not give it. */
    public Double share(String answer) {
        return answers.get(answer);
    }

    /**
     * A stable identity: the data file's id when there is one, else the values that tell polls apart. Two
     * polls with the same key are the same poll (re-importing a file adds nothing twice).
     */
    public String key() {
        if (!externalId.isEmpty()) {
            return "id:" + externalId;
        }
        return String.join("|", normalised(pollster), String.valueOf(fieldStart), String.valueOf(fieldEnd),
                population == null ? "" : population.code(), normalised(geography), topic,
                String.valueOf(sampleSize), answers.toString());
    }

    /**
     * Whether this and another reading describe the same poll: the same pollster, overlapping or equal dates,
     * and no answer share that differs by more than half a point. Used to merge reports of one poll.
     */
    public boolean sameAs(Poll other) {
        if (pollster == null || !normalised(pollster).equals(normalised(other.pollster))) {
            return false;
        }
        LocalDate a = date(), b = other.date();
        if (a == null || b == null || Math.abs(a.toEpochDay() - b.toEpochDay()) > 7) {
            return false;
        }
        if (fieldEnd != null && other.fieldEnd != null && !fieldEnd.equals(other.fieldEnd)) {
            return false;
        }
        if (!Objects.equals(geography, other.geography) && geography != null && other.geography != null) {
            return false;
        }
        boolean shared = false;
        for (var e : answers.entrySet()) {
            Double theirs = other.answers.get(e.getKey());
            if (theirs != null) {
                if (Math.abs(theirs - e.getValue()) > 0.5) {
                    return false;
                }
                shared = true;
            }
        }
        return shared;
    }

    /** This poll with the values another report of it adds: its sources, evidence and any value missing here. */
    public Poll mergedWith(Poll other) {
        List<String> allSources = new ArrayList<>(sources);
        allSources.addAll(other.sources);
        List<PollEvidence> allEvidence = new ArrayList<>(evidence);
        allEvidence.addAll(other.evidence);
        Map<String, Double> allAnswers = new LinkedHashMap<>(answers);
        other.answers.forEach(allAnswers::putIfAbsent);
        LinkedHashSet<String> allSponsors = new LinkedHashSet<>(sponsors);
        allSponsors.addAll(other.sponsors);
        return new Poll(pollster, List.copyOf(allSponsors), or(fieldStart, other.fieldStart),
                or(fieldEnd, other.fieldEnd), earliest(released, other.released), or(sampleSize, other.sampleSize),
                or(population, other.population), or(mode, other.mode), or(marginOfError, other.marginOfError),
                or(geography, other.geography), topic.isEmpty() ? other.topic : topic, or(question, other.question),
                allAnswers, allSources, allEvidence, confirmed || other.confirmed, tracking || other.tracking,
                externalId.isEmpty() ? other.externalId : externalId);
    }

    /** The same poll under another topic tag. */
    public Poll withTopic(String newTopic) {
        return new Poll(pollster, sponsors, fieldStart, fieldEnd, released, sampleSize, population, mode,
                marginOfError, geography, newTopic, question, answers, sources, evidence, confirmed, tracking,
                externalId);
    }

    private static <T> T or(T a, T b) {
        return a != null ? a : b;
    }

    private static LocalDate earliest(LocalDate a, LocalDate b) {
        return a == null ? b : b == null ? a : a.isBefore(b) ? a : b;
    }

    static String normalised(String name) {
        return name == null ? "" : name.toLowerCase(Locale.ROOT).replaceFirst("^the\\s+", "")
                .replaceAll("[^\\p{L}\\p{N}]+", "");
    }
}
