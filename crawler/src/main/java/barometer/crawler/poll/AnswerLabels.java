package barometer.crawler.poll;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Names the answer a share belongs to from the words around it: "32% support", "57% were opposed", "11% did not
 * know", "approve", "would vote yes". Stance answers use support / oppose / unsure; approval and favourability
 * questions keep their own words.
 */
final class AnswerLabels {

    private record Cue(Pattern pattern, String label) {
    }

    /** Checked in order: negations and the longer words ("disapprove") before the words they contain. */
    private static final List<Cue> CUES = List.of(
            cue("undecided|unsure|not sure|(?:do|did|does)(?:n't| not) know|don't knows?|no opinion|had no view|"
                    + "(?:were|are|was)(?:n't| not) sure|could(?:n't| not) say|neither|no answer|(?:do|did)(?:n't| not) answer",
                    "unsure"),
            cue("(?:do|did|does|would)(?:n't| not) (?:support|favou?r|back|want)|disapprove of secession|"
                    + "(?:should|would|could)(?:n't| not)\\b|(?:do|does|did)(?:n't| not)\\b(?! know)|"
                    + "(?:back\\w*|support\\w*|favou?r\\w*) (?:for )?(?:the )?(?:Union|union|status quo|staying|remain\\w*)",
                    "oppose"),
            cue("disapprov\\w*", "disapprove"),
            cue("unfavou?rabl\\w*", "unfavorable"),
            cue("approv\\w*", "approve"),
            cue("favou?rabl\\w*", "favorable"),
            cue("oppos\\w*|against|reject\\w*|(?:vote|voted|say|said|answered) no\\b|the no side|disagree\\w*|"
                    + "(?:to |would )?(?:remain|stay)\\b|preferr?\\w* (?:to )?(?:remain|stay)", "oppose"),
            cue("support\\w*|favou?r\\w*|in favou?r|back(?:ed|s|ing)?\\b|(?:vote|voted|say|said|answered) yes\\b|"
                    + "the yes side|agree\\w*|want\\w* (?:\\w+ ){0,6}?(?:to )?(?:secede|leave|split|separate|"
                    + "independen\\w*|break away|withdraw)|would (?:vote to )?(?:secede|leave)|for independence|"
                    + "pro-independence|(?:should|would) (?:\\w+ ){0,3}?(?:secede|leave|become independent|split)|"
                    + "(?:would be|were) better off (?:as an? |on (?:its|their) own|independent)|"
                    + "(?:would )?vote for (?:the |their |its )?(?:state|province|region|country|nation) to\\b",
                    "support"));
    private static final Pattern YES_NO_AFTER = Pattern.compile("^\\s*(?:said\\s+|voted\\s+|chose\\s+)?[\"“‘']?(Yes|No|yes|no)\\b");
    private static final Pattern BARE_YES_NO = Pattern.compile(
            "\\b(Yes|No|yes|no)[\"”’']?\\s*(?:ahead|leading|side)?\\s*(?:[:=-]|on|at|with)?\\s*$");
    /** "support stood at 45%", "viewed favorably by 48%": the answer is named just before its share. */
    private static final Pattern LINKED_BEFORE = Pattern.compile("(?i)\\b(?:at|on|to|reached|by|is|was|of|hit|"
            + "stands at|stood at|rose to|fell to)\\s*$");
    private static final Pattern SKIP_BEFORE = Pattern.compile("(?i)(?:up|down|rose|fell|dropped|climbed|higher|lower)"
            + "\\s+from\\s*$|\\bfrom\\s*$|(?:margin of (?:sampling )?error|interval|plus or minus|"
            + "±|\\+/-)[^.;]{0,25}$|\\b(?:than|of the vote|turnout of|threshold of|lead of|led by|ahead by|behind by)\\s*$");
    /**
     * The whole population a poll asked, by structure rather than by name: "among (all) (1,000) (likely) voters",
     * "among Vermonters," (one capitalised plural, as demonyms are), but not party or faith groups, which are
     * capitalised too. A modifier ("young Vermonters", "older voters") makes a subgroup.
     */
    private static final String WHOLE = "(?:all\\s+)?(?:\\d[\\d,]*\\s+)?(?:(?:likely|registered|eligible)\\s+)?"
            + "(?:adults|voters|residents|respondents|those (?:polled|surveyed|asked)|people|the (?:public|electorate)|"
            + "(?!(?:Democrats|Republicans|Independents|Conservatives|Liberals|Tories|Labour|Greens|Latinos|Hispanics|"
            + "Catholics|Evangelicals|Protestants|Muslims|Jews|Millennials|Boomers|Whites|Blacks)\\b)"
            + "\\p{Lu}\\p{L}+s)(?=\\s*(?:[,;:)]|$|\\d|surveyed|polled|questioned|asked|in\\s))";
    private static final Pattern SUBGROUP = Pattern.compile("(?i:\\bamong)\\s+(?!" + WHOLE + ")"
            + "[^,;]{0,40},?\\s*$|\\b(?i:Democrats|Republicans|independents|men|women|young|older|Latinos|"
            + "Hispanics|whites|Labour|Conservative|SNP)\\b[^.;,]{0,20}$");

    /** "31 percent support among the young": a subgroup's share, not the poll's. */
    private static final Pattern SUBGROUP_AFTER = Pattern.compile("^\\s*(?i:of\\s+)?(?:\\w+\\s+){0,2}?(?i:among)\\s+"
            + "(?!" + WHOLE + ")");

    private AnswerLabels() {
    }

    private static Cue cue(String regex, String label) {
        return new Cue(Pattern.compile("(?i)\\b(?:" + regex + ")"), label);
    }

    /**
     * The label of the share at {@code [start, end)} of a sentence, reading the words after it (up to the next
     * share) and, failing that, just before it. Empty when no cue names it, or when the share is not a poll answer
     * (a change "up from 20%", a margin of error, a subgroup "among Democrats").
     */
    static Optional<String> label(String sentence, int start, int end, int previousEnd, int nextStart) {
        String before = sentence.substring(Math.max(previousEnd, Math.max(0, start - 110)), start);
        if (SKIP_BEFORE.matcher(before).find() || SUBGROUP.matcher(before).find()) {
            return Optional.empty();
        }
        String clauseBefore = before.replaceAll(".*[,;]", "");
        if (LINKED_BEFORE.matcher(clauseBefore).find()) {
            Optional<String> named = lastIn(clauseBefore);
            if (named.isPresent()) {
                return named;
            }
            // "support rose from 20% to 32%": the answer is named before the change began.
            String wide = sentence.substring(Math.max(0, start - 110), start).replaceAll(".*[,;]", "");
            if (wide.matches("(?is).*\\bfrom\\b.*\\bto\\s*$")) {
                named = lastIn(wide.replaceFirst("(?is)\\bfrom\\b.*$", ""));
                if (named.isPresent()) {
                    return named;
                }
            }
        }
        Matcher bare = BARE_YES_NO.matcher(before);
        if (bare.find()) {
            return Optional.of(bare.group(1).equalsIgnoreCase("yes") ? "support" : "oppose");
        }
        String after = sentence.substring(end, Math.min(nextStart, Math.min(sentence.length(), end + 90)));
        if (SUBGROUP_AFTER.matcher(after).find()) {
            return Optional.empty();
        }
        after = after.split("[;:]|\\bwhile\\b|\\bwhereas\\b|, (?:but|and|with) |\\(", 2)[0];
        Matcher yesNo = YES_NO_AFTER.matcher(after);
        if (yesNo.find()) {
            return Optional.of(yesNo.group(1).equalsIgnoreCase("yes") ? "support" : "oppose");
        }
        Optional<String> label = first(after);
        if (label.isPresent()) {
            return label;
        }
        return lastIn(clauseBefore);
    }

    /** The other side of a two-sided answer ("support" and "oppose"); empty for "unsure". */
    static String opposite(String label) {
        return switch (label) {
            case "support" -> "oppose";
            case "oppose" -> "support";
            case "approve" -> "disapprove";
            case "disapprove" -> "approve";
            case "favorable" -> "unfavorable";
            case "unfavorable" -> "favorable";
            default -> "";
        };
    }

    private static Optional<String> first(String text) {
        int best = Integer.MAX_VALUE;
        String label = null;
        for (Cue cue : CUES) {
            Matcher m = cue.pattern().matcher(text);
            if (m.find() && m.start() < best) {
                best = m.start();
                label = cue.label();
            }
        }
        return Optional.ofNullable(label);
    }

    private static Optional<String> lastIn(String text) {
        int best = -1;
        String label = null;
        for (Cue cue : CUES) {
            Matcher m = cue.pattern().matcher(text);
            while (m.find()) {
                if (m.start() > best) {
                    best = m.start();
                    label = cue.label();
                }
            }
        }
        return Optional.ofNullable(label).map(l -> l.toLowerCase(Locale.ROOT));
    }
}
