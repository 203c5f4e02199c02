package barometer.crawler.poll;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * Finds the polls a poll release or a news article reports and fills a {@link Poll} for each: pollster and
 * sponsors, fieldwork dates, sample size and population, margin of error, geography, quoted question, mode and
 * the answer shares, each value with the sentence it was read from and a confidence.
 *
 * <p>A text is read sentence by sentence. Each named pollster opens a poll; sentences that name none add to the
 * poll last named (a release rarely repeats the firm's name). Within a sentence that names two pollsters, each
 * clause goes to the pollster it names. The same pollster named twice is one poll unless the values clash.
 * Shares count only when a word names the answer ("support", "opposed", "undecided", "approve"); changes
 * ("up from 20%"), margins of error and subgroups ("among Democrats") are not answers. A text with numbers but no
 * poll gives no poll. A poll lacking a plainly stated pollster, share or date is returned unconfirmed.
 */
public final class PollExtractor {
    private static final Pattern POLL_WORD = Pattern.compile("(?i)\\b(?:poll\\w*|survey\\w*|respondents|"
            + "questioned|interviewed|asked)\\b");
    private static final Pattern SAMPLE = Pattern.compile("(?i)(?<![\\d.,$£€])(\\d{1,3}(?:,\\d{3})+|\\d{3,6})\\s+"
            + "(?-i:(?:[A-Z][\\p{L}.]*\\s+){0,2})(?:(?:national|eligible|voting-age|adult)\\s+)?(?:(registered|likely)\\s+)?(voters?|adults?|residents|respondents|people|interviews|"
            + "citizens|(?-i:[A-Z]\\p{L}+(?:ans|ers|ns|s)))\\b");
    private static final Pattern SAMPLE_OF = Pattern.compile("(?i)(?:sample (?:size )?of|surveyed|interviewed|"
            + "polled|questioned|n\\s*=)\\s*(?:a\\s+)?(?:total of\\s+)?(\\d{1,3}(?:,\\d{3})+|\\d{3,6})\\b");
    private static final Pattern MARGIN = Pattern.compile("(?i)(?:margin of (?:sampling )?error|credibility interval|"
            + "error margin|MoE)\\D{0,40}?(\\d{1,2}(?:\\.\\d{1,2})?)\\s*(?:percentage points|points|%|percent|pts)?"
            + "|(?:plus or minus|±|\\+/-|\\+/−)\\s*(\\d{1,2}(?:\\.\\d{1,2})?)\\s*(?:percentage points|points|%|percent)");
    private static final Pattern MODE = Pattern.compile("(?i)\\b(online|by telephone|telephone|by phone|landlines? "
            + "and cell ?phones?|live interviewers?|face-to-face|in person|mixed[- ]mode|text message)\\b");
    private static final Pattern QUOTE = Pattern.compile("[\"“]([^\"“”]{12,300}?)[\"”]");
    private static final Pattern ASKED = Pattern.compile("(?i)\\b(?:asked|question|wording|read:?)\\b");
    /** "71 - 23 percent", "45 percent to 49 percent": the first share is the subject's, the second the other side's. */
    private static final Pattern PAIR = Pattern.compile("(?<![\\d.])(\\d{1,2}(?:\\.\\d)?)(?:\\s*(?:%|percent|per cent))?"
            + "\\s*(?:[-–]|\\bto\\b)\\s*(\\d{1,2}(?:\\.\\d)?)\\s*(?:%|percent|per cent)");
    /** "rose from 20% to 32%", "between 40 and 45 percent": a change or a range, not two sides. */
    private static final Pattern CHANGE_BEFORE = Pattern.compile("(?i)\\b(?:from|between|up|down)\\s*$");
    /** The side a sentence's subject stands for: "Independence trails 45% to 49%", "Remain leads 52-48". */
    private static final Pattern SUPPORT_SUBJECT = Pattern.compile("(?i)\\b(?:independence|secession|yes|leave|"
            + "separation|sovereignty)\\b[^,;]{0,30}$");
    private static final Pattern OPPOSE_SUBJECT = Pattern.compile("(?i)\\b(?:the union|union|no|remain|staying)\\b[^,;]{0,30}$");
    /** What a stance question is about: a share followed by these words answers it. */
    private static final Pattern STANCE_OBJECT = Pattern.compile("(?i)\\b(?:independen\\w*|secede|secession|"
            + "leav\\w*|split\\w*|separat\\w*|break(?:ing)? away|withdraw\\w*|exit)\\b");
    /** A share followed by "for more self-government ..." names its own object: another question. */
    private static final Pattern STANCE_OBJECT_ANY = Pattern.compile("(?i)^\\s*(?:support|favou?r\\w*|back\\w*)\\s+(?:for\\s+)?"
            + "(?:more|greater|a|an|the)\\b");
    private static final Pattern CONFLICT_YEAR = Pattern.compile("\\b((?:19|20)\\d{2})\\b");
    private static final Pattern CLAUSE_BREAK = Pattern.compile(";|,? while |,? whereas |, but |, compared (?:with|to) |"
            + ",? and (?:a|an|the) (?=[^,;]{0,40}\\b(?:poll|survey))");

    /** The text a poll release's HTML shows, one block per line (scripts, navigation and footers dropped). */
    public static String textOf(String html) {
        Document doc = Jsoup.parse(html);
        doc.select("script, style, noscript, nav, footer, header nav, form, aside").remove();
        StringBuilder text = new StringBuilder();
        for (Element block : doc.select("h1, h2, h3, h4, h5, h6, p, li, td, th, blockquote, pre, figcaption, dd, dt")) {
            if (block.children().select("p, li, td, blockquote, pre").isEmpty() || block.is("pre")) {
                String t = block.text().strip();
                if (!t.isEmpty()) {
                    text.append(t).append('\n');
                }
            }
        }
        return text.isEmpty() ? doc.text() : text.toString();
    }

    /**
     * The polls a text reports.
     *
     * @param text plain text, paragraphs on their own lines
     * @param source the page or file it came from, kept in each poll's sources and evidence
     * @param released the text's publication day: a poll's release day and the year of dates that give none;
     *        {@code null} when unknown
     * @param topic the topic tag given to every poll found
     */
    public List<Poll> extract(String text, String source, LocalDate released, String topic) {
        List<String> sentences = Sentences.split(text == null ? "" : text);
        Integer textYear = textYear(text == null ? "" : text);
        List<Draft> drafts = new ArrayList<>();
        Draft current = null;
        List<String> pending = new ArrayList<>();
        for (String sentence : sentences) {
            boolean pollSentence = POLL_WORD.matcher(sentence).find();
            List<PollsterMention> mentions = pollSentence || PollsterMention.namesKnownFirm(sentence)
                    ? PollsterMention.find(sentence) : List.of();
            if (mentions.isEmpty()) {
                if (current != null) {
                    current.read(sentence, sentence, source, released, textYear);
                } else if (pollSentence || !NumberPhrases.shares(sentence).isEmpty()) {
                    pending.add(sentence);
                }
                continue;
            }
            List<String> clauses = clauses(sentence, mentions);
            for (int i = 0; i < mentions.size(); i++) {
                PollsterMention mention = mentions.get(i);
                current = draftFor(drafts, mention);
                current.name(mention, sentence, source);
                for (String earlier : pending) {
                    current.read(earlier, earlier, source, released, textYear);
                }
                pending.clear();
                current.read(clauses.get(i), sentence, source, released, textYear);
            }
        }
        if (drafts.isEmpty() && pending.stream().anyMatch(s -> POLL_WORD.matcher(s).find())) {
            Draft anonymous = new Draft("");
            for (String sentence : pending) {
                anonymous.read(sentence, sentence, source, released, textYear);
            }
            drafts.add(anonymous);
        }
        List<Poll> polls = new ArrayList<>();
        for (Draft d : drafts) {
            if (!d.answers.isEmpty()) {
                polls.add(d.toPoll(source, released, topic));
            }
        }
        return List.copyOf(polls);
    }

    /** "PPIC" for "Public Policy Institute of California": how releases name a firm the second time. */
    static String initials(String name) {
        StringBuilder out = new StringBuilder();
        for (String word : name.split("[\\s/&-]+")) {
            if (!word.isEmpty() && Character.isUpperCase(word.charAt(0))) {
                out.append(word.charAt(0));
            }
        }
        return out.length() >= 2 ? out.toString() : "";
    }

    private static Integer textYear(String text) {
        Matcher m = CONFLICT_YEAR.matcher(text);
        return m.find() ? Integer.valueOf(m.group(1)) : null;
    }

    /** One clause per mention: the sentence cut where a new pollster's clause begins. */
    private static List<String> clauses(String sentence, List<PollsterMention> mentions) {
        if (mentions.size() == 1) {
            return List.of(sentence);
        }
        List<Integer> cuts = new ArrayList<>();
        cuts.add(0);
        for (int i = 1; i < mentions.size(); i++) {
            int from = mentions.get(i - 1).end(), to = mentions.get(i).start();
            Matcher m = CLAUSE_BREAK.matcher(sentence).region(from, to);
            int cut = to;
            while (m.find()) {
                cut = m.start();
            }
            cuts.add(cut);
        }
        cuts.add(sentence.length());
        List<String> clauses = new ArrayList<>();
        for (int i = 0; i + 1 < cuts.size(); i++) {
            clauses.add(sentence.substring(cuts.get(i), cuts.get(i + 1)));
        }
        return clauses;
    }

    private static Draft draftFor(List<Draft> drafts, PollsterMention mention) {
        String key = Poll.normalised(mention.pollster());
        for (Draft d : drafts) {
            if (d.key.equals(key) || (d.pollster != null && (initials(d.pollster).equals(mention.pollster())
                    || initials(mention.pollster()).equals(d.pollster) || shortFor(mention.pollster(), d.pollster)))) {
                return d;
            }
        }
        if (mention.interviewer() && !drafts.isEmpty()) {
            return drafts.get(drafts.size() - 1);
        }
        Draft d = new Draft(key);
        drafts.add(d);
        return d;
    }

    /** "DHM" or "Monmouth" for "DHM Research" or "Monmouth University": a firm named again by its first word. */
    private static boolean shortFor(String name, String full) {
        return !name.contains(" ") && full.startsWith(name + " ");
    }

    /** A poll being filled in as its sentences are read; the first reading of a value wins. */
    private static final class Draft {
        final String key;
        final Map<String, Double> answers = new LinkedHashMap<>();
        final List<PollEvidence> evidence = new ArrayList<>();
        String pollster;
        final List<String> sponsors = new ArrayList<>();
        FieldDates dates;
        Integer sampleSize;
        Population population;
        String mode;
        Double margin;
        String geography;
        String question;
        double pollsterConfidence;
        final Map<String, Double> confidenceOf = new LinkedHashMap<>();
        /** Answers read from a share about something else ("41% support more autonomy"), replaced by an on-topic one. */
        final java.util.Set<String> offTopic = new java.util.HashSet<>();
        String populationHint;

        Draft(String key) {
            this.key = key;
        }

        void name(PollsterMention mention, String sentence, String source) {
            if (pollster == null) {
                pollster = mention.pollster();
                pollsterConfidence = mention.confidence();
                evidence.add(new PollEvidence("pollster", pollster, sentence, source, mention.confidence()));
            }
            for (String sponsor : mention.sponsors()) {
                if (sponsors.stream().noneMatch(s -> Poll.normalised(s).equals(Poll.normalised(sponsor)))) {
                    sponsors.add(sponsor);
                    evidence.add(new PollEvidence("sponsors", sponsor, sentence, source, mention.confidence()));
                }
            }
        }

        void read(String clause, String sentence, String source, LocalDate released, Integer textYear) {
            readShares(clause, sentence, source);
            if (dates == null) {
                FieldDates.find(clause, released, textYear).ifPresent(d -> {
                    dates = d;
                    evidence.add(new PollEvidence("fieldStart", d.start().toString(), sentence, source, d.confidence()));
                    evidence.add(new PollEvidence("fieldEnd", d.end().toString(), sentence, source, d.confidence()));
                });
            }
            readSample(clause, sentence, source);
            if (margin == null) {
                Matcher m = MARGIN.matcher(clause);
                if (m.find()) {
                    margin = Double.valueOf(m.group(1) != null ? m.group(1) : m.group(2));
                    evidence.add(new PollEvidence("marginOfError", margin.toString(), sentence, source, 1.0));
                }
            }
            if (geography == null) {
                Places.ofSample(clause).ifPresent(g -> {
                    geography = g;
                    evidence.add(new PollEvidence("geography", g, sentence, source, 0.9));
                });
            }
            if (mode == null) {
                Matcher m = MODE.matcher(clause);
                if (m.find() && POLL_WORD.matcher(clause).find()) {
                    mode = m.group(1).toLowerCase(Locale.ROOT).replaceFirst("^by ", "");
                    evidence.add(new PollEvidence("mode", mode, sentence, source, 0.9));
                }
            }
            if (question == null && ASKED.matcher(clause).find()) {
                Matcher m = QUOTE.matcher(clause);
                if (m.find()) {
                    question = m.group(1).strip();
                    evidence.add(new PollEvidence("question", question, sentence, source, 0.9));
                }
            }
        }

        private void readShares(String clause, String sentence, String source) {
            int pairEnd = readPair(clause, sentence, source);
            List<NumberPhrases.Share> shares = NumberPhrases.shares(clause);
            for (int i = 0; i < shares.size(); i++) {
                NumberPhrases.Share share = shares.get(i);
                if (share.start() < pairEnd) {
                    continue;
                }
                int previousEnd = i == 0 ? 0 : shares.get(i - 1).end();
                int nextStart = i + 1 < shares.size() ? shares.get(i + 1).start() : clause.length();
                String context = clause.substring(share.end(), nextStart);
                boolean onTopic = STANCE_OBJECT.matcher(context).find();
                AnswerLabels.label(clause, share.start(), share.end(), previousEnd, nextStart).ifPresent(label -> {
                    if (onTopic && offTopic.remove(label)) {
                        answers.remove(label);
                        confidenceOf.remove(label);
                    }
                    if (!onTopic && !answers.containsKey(label) && STANCE_OBJECT_ANY.matcher(context).find()) {
                        offTopic.add(label);
                    }
                    answer(label, share.value(), share.confidence(), sentence, source);
                });
            }
        }

        /**
         * "say 71 - 23 percent that the state should not secede": the first share takes the answer the words
         * name, the second its opposite. Returns where the pair ends (0 when there is none).
         */
        private int readPair(String clause, String sentence, String source) {
            Matcher m = PAIR.matcher(clause);
            if (!m.find() || CHANGE_BEFORE.matcher(clause.substring(0, m.start())).find()) {
                return 0;
            }
            Optional<String> label = AnswerLabels.label(clause, m.start(), m.end(), 0, clause.length());
            if (label.isEmpty()) {
                String before = clause.substring(0, m.start());
                label = SUPPORT_SUBJECT.matcher(before).find() ? Optional.of("support")
                        : OPPOSE_SUBJECT.matcher(before).find() ? Optional.of("oppose") : Optional.empty();
            }
            Optional<String> opposite = label.map(AnswerLabels::opposite);
            if (label.isEmpty() || opposite.get().isEmpty()) {
                return 0;
            }
            answer(label.get(), Double.parseDouble(m.group(1)), 1.0, sentence, source);
            answer(opposite.get(), Double.parseDouble(m.group(2)), 1.0, sentence, source);
            return m.end();
        }

        private void answer(String label, double value, double confidence, String sentence, String source) {
            if (!answers.containsKey(label) || confidence > confidenceOf.getOrDefault(label, 1.0)) {
                answers.put(label, value);
                confidenceOf.put(label, confidence);
                evidence.add(new PollEvidence("answers." + label, String.valueOf(value), sentence, source, confidence));
            }
        }

        private void readSample(String clause, String sentence, String source) {
            if (sampleSize == null) {
                Matcher m = SAMPLE.matcher(clause);
                while (m.find()) {
                    String noun = m.group(3).toLowerCase(Locale.ROOT);
                    boolean people = noun.startsWith("voter") || noun.startsWith("adult") || noun.equals("residents")
                            || noun.equals("respondents") || noun.equals("people") || noun.equals("citizens")
                            || noun.equals("interviews")
                            || Places.isPeople(m.group(3));
                    if (people) {
                        sampleSize = Integer.valueOf(m.group(1).replace(",", ""));
                        evidence.add(new PollEvidence("sampleSize", sampleSize.toString(), sentence, source, 1.0));
                        populationFrom(m.group(2), noun, sentence, source);
                        return;
                    }
                }
                m = SAMPLE_OF.matcher(clause);
                if (m.find()) {
                    sampleSize = Integer.valueOf(m.group(1).replace(",", ""));
                    evidence.add(new PollEvidence("sampleSize", sampleSize.toString(), sentence, source, 0.9));
                }
            }
            if (population == null) {
                Matcher m = Pattern.compile("(?i)\\b(registered|likely) voters\\b").matcher(clause);
                if (m.find() && POLL_WORD.matcher(clause).find() && populationHint == null) {
                    populationHint = m.group(1).toLowerCase(Locale.ROOT) + " voters";
                    evidence.add(new PollEvidence("population", populationHint, sentence, source, 0.7));
                }
            }
        }

        private void populationFrom(String qualifier, String noun, String sentence, String source) {
            Population p = null;
            if (qualifier != null) {
                p = qualifier.equalsIgnoreCase("likely") ? Population.LIKELY_VOTERS : Population.REGISTERED_VOTERS;
            } else if (!noun.startsWith("voter") && !noun.equals("respondents") && !noun.equals("interviews")) {
                p = Population.ADULTS;
            }
            if (p != null && population == null) {
                population = p;
                evidence.add(new PollEvidence("population", p.label(), sentence, source, qualifier != null ? 1.0 : 0.8));
            }
        }

        Poll toPoll(String source, LocalDate released, String topic) {
            if (population == null && populationHint != null) {
                population = Population.parse(populationHint).orElse(null);
            }
            double shareConfidence = confidenceOf.values().stream().mapToDouble(Double::doubleValue).min().orElse(0);
            boolean confirmed = pollster != null && pollsterConfidence >= 0.75 && shareConfidence >= 0.75
                    && dates != null && dates.confidence() >= 0.75;
            return new Poll(pollster, sponsors, dates == null ? null : dates.start(), dates == null ? null : dates.end(),
                    released, sampleSize, population, mode, margin, geography, topic, question, answers,
                    List.of(source), evidence, confirmed, false, "");
        }
    }
}
