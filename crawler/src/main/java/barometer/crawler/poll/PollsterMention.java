package barometer.crawler.poll;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A pollster named in a sentence, with its sponsors: "a Reuters/Ipsos poll" (Ipsos for Reuters), "a survey by
 * YouGov for The Times", "conducted by Survation on behalf of the Daily Record", "according to Gallup".
 *
 * <p>In "A/B poll" the firm known to run polls is the pollster and the other names are sponsors; when neither
 * is known the last name is taken as the pollster, as that is how such pairs are written.
 *
 * @param pollster the firm that ran the fieldwork
 * @param sponsors who commissioned or published it
 * @param start where the mention starts in the sentence
 * @param end where it ends
 * @param confidence 1 for a known firm, lower for a name read only from the phrase
 * @param interviewer true when the name was read only as the subject of "X surveyed 1,000": in a text that has
 *        already named a poll this is usually that poll's firm named again (short, or by its initials)
 */
record PollsterMention(String pollster, List<String> sponsors, int start, int end, double confidence,
        boolean interviewer) {

    PollsterMention(String pollster, List<String> sponsors, int start, int end, double confidence) {
        this(pollster, sponsors, start, end, confidence, false);
    }


    /** Firms that run polls; a name on this list is a pollster, not a sponsor. */
    /** Firms recognised by name alone: {@code pollsters.txt} beside this class (a data file, not code). */
    static final List<String> KNOWN = readKnown();

    private static final Set<String> NOT_NAMES = Set.of("a", "an", "the", "new", "latest", "recent", "fresh",
            "national", "nationwide", "statewide", "online", "telephone", "phone", "exit", "opinion", "separate",
            "another", "previous", "earlier", "same", "this", "that", "its", "their", "his", "her", "our", "one",
            "independent", "tracking", "monthly", "weekly", "annual", "january", "february", "march", "april", "may",
            "june", "july", "august", "september", "october", "november", "december", "monday", "tuesday",
            "wednesday", "thursday", "friday", "saturday", "sunday", "last", "first", "second", "poll", "survey",
            "in", "of", "for", "by", "and", "with", "which", "whose", "week's", "month's", "year's", "today's");

    /** "Sunday" starts a newspaper's name ("Sunday Times") but not "Sunday's poll". */
    private static final Set<String> WEEKDAYS = Set.of("monday", "tuesday", "wednesday", "thursday", "friday",
            "saturday", "sunday");
    /** A name that ends like a firm's ("Sierra Polling Institute", "Golden Gate Research") names a pollster. */
    private static final Pattern FIRM_WORD = Pattern.compile("\\b(?:Research|Polling|Polls|Institute|Strategies|"
            + "Insights|Associates|Group|Partners|Analytics|University|College|Center|Centre|Opinion)$");
    /** Words that make a sentence about a poll, where a one-word firm name may stand alone. */
    private static final Pattern POLL_CONTEXT = Pattern.compile("(?i)\\b(?:poll\\w*|survey\\w*|interview\\w*|"
            + "respondents|sample|margin of error|fieldwork|questioned|according to|barometer|average)\\b");
    /** Words that may stand between a firm's name and "poll": "Ipsos's latest online poll". */
    private static final String POLL_ADJECTIVES = "(?:new|latest|recent|online|telephone|phone|statewide|national|"
            + "nationwide|weekly|monthly|daily|tracking|exit|opinion|independence|secession|referendum|snap|fresh|"
            + "annual|quarterly|final|first|second|third|own)";
    private static final String NAME_WORD = "(?:[A-Z][\\p{L}'’.&-]*|&|of|for|de|d'|the)";
    private static final String NAME = "(" + "[A-Z][\\p{L}'’.&-]*(?:\\s+" + NAME_WORD + ")*" + ")";
    private static final Pattern NAME_THEN_POLL = Pattern.compile(
            NAME + "(?:\\s*/\\s*" + NAME + ")*('s|’s)?\\s+(?:" + POLL_ADJECTIVES + "\\s+){0,2}?(?:poll|survey|polling)\\b");
    private static final Pattern POLL_BY = Pattern.compile("(?i:poll|survey|polling|conducted|carried out|fielded)"
            + "\\s+(?:(?!commissioned|sponsored|paid|funded)[\\w\\s,–-]{0,40}?\\s)??by\\s+(?:the\\s+)?" + NAME + "(?:\\s+(?:for|on behalf of|commissioned by)\\s+(?:the\\s+)?"
            + NAME + ")?");
    /** "Find Out Now surveyed 1,101 Scots", "Epinion interviewed 497": a firm is what does the interviewing. */
    private static final Pattern NAME_THEN_VERB = Pattern.compile(NAME + "\\s+(?:surveyed|interviewed|polled|"
            + "questioned|sampled)\\s+(?:\\d|an?\\s|more|some|over|nearly|about|almost)");
    /** What a firm does when it reports: "YouGov found", "Gallup's figures showed". */
    private static final Pattern REPORTING_VERB = Pattern.compile("(?:['’]s\\s+\\w+\\s+)?\\s*(?:found|finds|showed|"
            + "shows|surveyed|interviewed|polled|asked|put|puts|reported|estimates?)\\b");
    private static final String NAMES = NAME + "(?:\\s+and\\s+(?:the\\s+)?[A-Z][\\p{L}'’.&-]*(?:\\s+" + NAME_WORD + ")*)?";
    private static final Pattern COMMISSIONED = Pattern.compile("(?:commissioned|sponsored|paid for)\\s+by\\s+(?:the\\s+)?("
            + NAMES + ")|\\bfor\\s+(?:the\\s+)?(?:(?:broadcaster|newspaper|daily|weekly|channel|network|website|"
            + "magazine|paper|station|public broadcaster)\\s+)?(" + NAMES + ")");
    private static final Pattern KNOWN_NAME;
    private static final Pattern KNOWN_NAME_ANY_CASE;
    private static final List<String> KNOWN_LONGEST_FIRST;
    /** What may follow a firm's name without making it another firm: a place, a unit, a legal form. */
    private static final Pattern SUFFIX = Pattern.compile("(?:(?:Scotland|UK|U\\.K\\.|USA|US|Canada|Wales|Ireland|"
            + "America|Europe|Public Affairs|Strategies|Research|Polling|Polls|Group|Inc\\.?|Ltd\\.?|LLC|Institute|"
            + "Associates|Analytics|Insights|Opinion)\\s*)+");

    static {
        List<String> sorted = new ArrayList<>(KNOWN);
        sorted.sort((a, b) -> b.length() - a.length());
        StringBuilder alternatives = new StringBuilder();
        for (String name : sorted) {
            alternatives.append(alternatives.isEmpty() ? "" : "|").append(Pattern.quote(name));
        }
        KNOWN_NAME = Pattern.compile("(?<![\\p{L}])(" + alternatives + ")(?![\\p{L}])");
        KNOWN_NAME_ANY_CASE = Pattern.compile("(?iu)(?<![\\p{L}])(" + alternatives + ")(?![\\p{L}])");
        KNOWN_LONGEST_FIRST = List.copyOf(sorted);
    }

    private static List<String> readKnown() {
        try (var in = PollsterMention.class.getResourceAsStream("pollsters.txt")) {
            if (in == null) {
                throw new IllegalStateException("pollsters.txt is missing from the crawler's resources");
            }
            return new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8).lines().map(String::strip)
                    .filter(l -> !l.isEmpty() && !l.startsWith("#")).distinct().toList();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException("cannot read pollsters.txt", e);
        }
    }

    /**
     * Whether the sentence names a known firm as a whole word, in a way that can report a poll: a one-word name
     * ("CIS", "Lucid") counts only beside a poll word or a reporting verb, so that "CIS countries" and "Lucid
     * said" open no poll.
     */
    static boolean namesKnownFirm(String sentence) {
        boolean pollContext = POLL_CONTEXT.matcher(sentence).find();
        Matcher m = KNOWN_NAME.matcher(sentence);
        while (m.find()) {
            if (pollContext || m.group(1).contains(" ") || REPORTING_VERB.matcher(sentence).region(m.end(),
                    sentence.length()).lookingAt()) {
                return true;
            }
        }
        return false;
    }

    /** The pollsters named in a sentence, in order, overlapping mentions merged. */
    static List<PollsterMention> find(String sentence) {
        List<PollsterMention> found = new ArrayList<>();
        Matcher m = POLL_BY.matcher(sentence);
        while (m.find()) {
            String name = clean(m.group(1));
            if (name != null) {
                List<String> sponsors = new ArrayList<>(m.group(2) == null || clean(m.group(2)) == null ? List.of()
                        : List.of(clean(m.group(2))));
                String[] firmAndSponsor = splitFor(name);
                if (firmAndSponsor != null) {
                    name = firmAndSponsor[0];
                    sponsors.add(0, firmAndSponsor[1]);
                }
                add(found, new PollsterMention(canonical(name), sponsors, m.start(1), m.end(),
                        isKnown(name) ? 1.0 : 0.8));
            }
        }
        m = NAME_THEN_VERB.matcher(sentence);
        while (m.find()) {
            String name = clean(m.group(1));
            if (name != null && !Places.isPlace(name)) {
                add(found, new PollsterMention(canonical(name), List.of(), m.start(1), m.end(1),
                        isKnown(name) ? 1.0 : 0.8, !isKnown(name)));
            }
        }
        m = NAME_THEN_POLL.matcher(sentence);
        while (m.find()) {
            List<String> names = names(sentence.substring(m.start(), m.end()));
            if (!names.isEmpty()) {
                add(found, split(names, m.start(), m.end()));
            }
        }
        // Release headings are often in capitals ("EMERSON COLLEGE POLLING"): firm names match in any case there.
        m = (shouting(sentence) ? KNOWN_NAME_ANY_CASE : KNOWN_NAME).matcher(sentence);
        boolean context = POLL_CONTEXT.matcher(sentence).find();
        while (m.find()) {
            if (context || m.group(1).contains(" ")
                    || REPORTING_VERB.matcher(sentence).region(m.end(), sentence.length()).lookingAt()) {
                add(found, new PollsterMention(canonical(m.group(1)), List.of(), m.start(), m.end(), 0.9));
            }
        }
        found.sort((a, b) -> Integer.compare(a.start(), b.start()));
        return withSponsorsFrom(sentence, found);
    }

    /** Adds "for The Times" or "commissioned by KHOU-TV" that follow a mention to its sponsors. */
    private static List<PollsterMention> withSponsorsFrom(String sentence, List<PollsterMention> found) {
        List<PollsterMention> out = new ArrayList<>();
        for (int i = 0; i < found.size(); i++) {
            PollsterMention mention = found.get(i);
            int to = i + 1 < found.size() ? found.get(i + 1).start() : sentence.length();
            out.add(mention.sponsors().isEmpty() ? sponsored(sentence, mention, to, found.size() == 1) : mention);
        }
        return List.copyOf(out);
    }

    private static PollsterMention sponsored(String sentence, PollsterMention only, int to, boolean anywhere) {
        Matcher m = COMMISSIONED.matcher(sentence);
        if (!anywhere) {
            m.region(only.end(), Math.max(only.end(), to));
        }
        while (m.find()) {
            if (m.start() < only.end() && m.end() > only.start()) {
                continue; // "for" inside the firm's own name ("Data for Progress")
            }
            List<String> sponsors = new ArrayList<>();
            for (String part : (m.group(1) != null ? m.group(1) : m.group(3)).split("\\s+and\\s+")) {
                String name = clean(part);
                if (name != null && !Poll.normalised(name).equals(Poll.normalised(only.pollster())) && !isKnown(name)
                        && !Places.isPlace(name)) {
                    sponsors.add(name);
                }
            }
            if (!sponsors.isEmpty()) {
                return new PollsterMention(only.pollster(), sponsors, only.start(), only.end(), only.confidence(),
                        only.interviewer());
            }
        }
        return only;
    }

    private static boolean shouting(String sentence) {
        long letters = sentence.chars().filter(Character::isLetter).count();
        long upper = sentence.chars().filter(Character::isUpperCase).count();
        return letters >= 8 && upper > letters * 0.7;
    }

    /** The names of "Reuters/Ipsos poll" or "Monmouth University's poll": the capitalised words before "poll". */
    private static List<String> names(String phrase) {
        String head = phrase.replaceAll("(?:('s|’s))?\\s+(?:" + POLL_ADJECTIVES + "\\s+){0,2}?(?:poll|survey|polling)$", "");
        List<String> names = new ArrayList<>();
        for (String part : head.split("\\s*/\\s*")) {
            String name = clean(part);
            if (name != null) {
                names.add(name);
            }
        }
        return names;
    }

    private static PollsterMention split(List<String> names, int start, int end) {
        int pollster = names.size() - 1;
        for (int i = 0; i < names.size(); i++) {
            if (isKnown(names.get(i))) {
                pollster = i;
            }
        }
        List<String> sponsors = new ArrayList<>(names);
        String name = sponsors.remove(pollster);
        double confidence = isKnown(name) ? 1.0 : FIRM_WORD.matcher(name).find() ? 0.9 : 0.7;
        return new PollsterMention(canonical(name), sponsors, start, end, confidence);
    }

    /**
     * "Painted Dog Research for The West Australian": the firm and its client, when the whole is not a known
     * firm's name ("Data for Progress"); null when the name has no such "for".
     */
    private static String[] splitFor(String name) {
        if (isKnown(name)) {
            return null;
        }
        int at = name.indexOf(" for ");
        if (at <= 0) {
            return null;
        }
        String firm = clean(name.substring(0, at)), client = clean(name.substring(at + 5));
        return firm == null || client == null ? null : new String[] {firm, client};
    }

    /** Drops leading words that are not part of a name ("a new", "The latest", places) and checks what is left. */
    private static String clean(String raw) {
        if (isKnown(raw.strip())) {
            return raw.strip();
        }
        List<String> words = new ArrayList<>(Arrays.asList(raw.strip().split("\\s+")));
        while (!words.isEmpty() && !(words.size() > 1 && WEEKDAYS.contains(words.get(0).toLowerCase(Locale.ROOT))
                && Character.isUpperCase(words.get(1).charAt(0)))
                && (NOT_NAMES.contains(words.get(0).toLowerCase(Locale.ROOT)) || Places.isPlace(String.join(" ", words)))) {
            if (Places.isPlace(String.join(" ", words))) {
                return null;
            }
            words.remove(0);
        }
        while (!words.isEmpty() && NOT_NAMES.contains(words.get(words.size() - 1).toLowerCase(Locale.ROOT))) {
            words.remove(words.size() - 1);
        }
        if (words.isEmpty()) {
            return null;
        }
        String name = String.join(" ", words).replaceAll("[’']s$", "").replaceAll("[.,]$", "");
        return name.isEmpty() || !Character.isUpperCase(name.charAt(0)) ? null : name;
    }

    static boolean isKnown(String name) {
        String n = Poll.normalised(name);
        return KNOWN.stream().anyMatch(k -> Poll.normalised(k).equals(n));
    }

    /** The gazetteer's spelling of a known firm; other names as written. */
    private static String canonical(String name) {
        String n = Poll.normalised(name);
        Optional<String> exact = KNOWN.stream().filter(k -> Poll.normalised(k).equals(n)).findFirst();
        if (exact.isPresent()) {
            return exact.get();
        }
        // "Ipsos Scotland", "Redfield & Wilton Strategies", "Emerson College Polling": a known firm and a suffix.
        for (String k : KNOWN_LONGEST_FIRST) {
            if (name.startsWith(k + " ") && SUFFIX.matcher(name.substring(k.length() + 1)).matches()) {
                return k;
            }
        }
        return name;
    }

    private static void add(List<PollsterMention> found, PollsterMention mention) {
        for (PollsterMention f : found) {
            if (mention.start() < f.end() && f.start() < mention.end()) {
                return;
            }
        }
        found.add(mention);
    }
}
