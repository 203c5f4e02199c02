package barometer.crawler.poll;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The places polls about self-determination are about, and the words for their people ("Californians",
 * "Scottish voters", "U.S. adults"), so that a poll's geography is read from how its sample is described.
 */
final class Places {
    private static final Map<String, String> NAMES = names();
    private static final String ALTERNATIVES = alternatives();
    private static final String PEOPLE = "(?:registered\\s+|likely\\s+)?(?:adults?|voters?|residents?|respondents|"
            + "people|citizens|electors|Latinos|Hispanics)";
    /** "1,000 California adults", "Scottish voters", "U.S. adults". */
    private static final Pattern PLACE_PEOPLE = Pattern.compile(
            "(?<![\\p{L}.])(" + ALTERNATIVES + ")\\s+(?:[a-z]+\\s+)?" + PEOPLE);
    /** "adults in California", "voters across Scotland", "residents of Texas". */
    private static final Pattern PEOPLE_IN_PLACE = Pattern.compile(
            PEOPLE + "\\s+(?:in|across|of|from|throughout)\\s+(?:the\\s+)?(" + ALTERNATIVES + ")(?![\\p{L}])");
    /** "of Californians", "Catalans", as the people polled. */
    private static final Pattern DEMONYM = Pattern.compile("(?<![\\p{L}])(Californians|Texans|Oregonians|Alaskans|"
            + "Vermonters|Scots|Spaniards|Catalans|Quebecers|Quebeckers|Albertans|Americans|Britons|Canadians|Puerto Ricans|"
            + "Greenlanders|Western Australians|Floridians|New Yorkers)(?![\\p{L}])");

    /** "voters nationwide", "national adults": a national sample, read as the United States. */
    private static final Pattern NATIONWIDE = Pattern.compile("(?i)\\b(?:(?:adults|voters|residents)\\s+nationwide|"
            + "national (?:adults|sample of adults))\\b");
    /** "a new Texas survey": the place a poll covers, named before "poll" or "survey". */
    private static final Pattern PLACE_POLL = Pattern.compile(
            "(?<![\\p{L}.])(" + ALTERNATIVES + ")\\s+(?:statewide\\s+|independence\\s+)?(?:poll|survey)\\b");

    private static Map<String, String> names() {
        Map<String, String> names = new HashMap<>();
        String[] states = {"Alabama", "Alaska", "Arizona", "Arkansas", "California", "Colorado", "Connecticut",
                "Delaware", "Florida", "Georgia", "Hawaii", "Idaho", "Illinois", "Indiana", "Iowa", "Kansas", "Kentucky",
                "Louisiana", "Maine", "Maryland", "Massachusetts", "Michigan", "Minnesota", "Mississippi", "Missouri",
                "Montana", "Nebraska", "Nevada", "New Hampshire", "New Jersey", "New Mexico", "New York",
                "North Carolina", "North Dakota", "Ohio", "Oklahoma", "Oregon", "Pennsylvania", "Rhode Island",
                "South Carolina", "South Dakota", "Tennessee", "Texas", "Utah", "Vermont", "Virginia", "Washington",
                "West Virginia", "Wisconsin", "Wyoming", "Puerto Rico", "Scotland", "Wales", "England",
                "Northern Ireland", "Catalonia", "Quebec", "Alberta", "Saskatchewan", "Flanders", "Bavaria", "Veneto",
                "Sardinia", "Corsica", "Brittany", "Basque Country", "Greenland", "New Caledonia", "Bougainville",
                "Kurdistan", "Canada", "Spain", "France", "Germany", "Italy", "Belgium", "Denmark", "Australia",
                "Western Australia", "United Kingdom", "United States"};

        for (String s : states) {
            names.put(s, s);
        }
        String[][] aliases = {{"Californians", "California"}, {"Texans", "Texas"}, {"Oregonians", "Oregon"},
                {"Alaskans", "Alaska"}, {"Hawaiians", "Hawaii"}, {"Vermonters", "Vermont"}, {"Floridians", "Florida"},
                {"New Yorkers", "New York"}, {"Washingtonians", "Washington"}, {"Puerto Ricans", "Puerto Rico"},
                {"Scots", "Scotland"}, {"Scottish", "Scotland"}, {"Welsh", "Wales"}, {"Catalans", "Catalonia"},
                {"Catalan", "Catalonia"}, {"Cataluña", "Catalonia"}, {"Catalunya", "Catalonia"},
                {"Quebecers", "Quebec"}, {"Quebeckers", "Quebec"}, {"Québec", "Quebec"}, {"Québécois", "Quebec"},
                {"Albertans", "Alberta"}, {"Flemish", "Flanders"}, {"Bavarians", "Bavaria"}, {"Venetians", "Veneto"},
                {"Sardinians", "Sardinia"}, {"Corsicans", "Corsica"}, {"Greenlanders", "Greenland"},
                {"Canadians", "Canada"}, {"Spaniards", "Spain"}, {"Americans", "United States"},
                {"U.S.", "United States"}, {"US", "United States"}, {"USA", "United States"},
                {"the United States", "United States"}, {"Britain", "United Kingdom"}, {"Great Britain", "United Kingdom"},
                {"British", "United Kingdom"}, {"Britons", "United Kingdom"}, {"UK", "United Kingdom"},
                {"U.K.", "United Kingdom"}, {"Californian", "California"}, {"Texan", "Texas"},
                {"Oregonian", "Oregon"}, {"Bavarian", "Bavaria"}, {"Corsican", "Corsica"}, {"Albertan", "Alberta"},
                {"Sardinian", "Sardinia"}, {"Venetian", "Veneto"}, {"Spanish", "Spain"}, {"Canadian", "Canada"},
                {"Quebec's", "Quebec"}, {"Puerto Rican", "Puerto Rico"}, {"Western Australians", "Western Australia"}, {"Australians", "Australia"}};

        for (String[] a : aliases) {
            names.put(a[0], a[1]);
        }
        return Map.copyOf(names);
    }

    private static String alternatives() {
        List<String> sorted = new ArrayList<>(NAMES.keySet());
        sorted.sort((a, b) -> b.length() - a.length());
        StringBuilder alternatives = new StringBuilder();
        for (String name : sorted) {
            alternatives.append(alternatives.isEmpty() ? "" : "|").append(Pattern.quote(name));
        }
        return alternatives.toString();
    }

    private Places() {
    }

    /** Whether the words name a place or its people. */
    static boolean isPlace(String words) {
        return NAMES.containsKey(words.strip());
    }

    /**
     * The geography of a poll's sample as a sentence describes it: "California adults", "voters in Scotland",
     * "Californians". Empty when the sentence does not describe who was polled.
     */
    static Optional<String> ofSample(String sentence) {
        for (Pattern p : List.of(PLACE_PEOPLE, PEOPLE_IN_PLACE, DEMONYM)) {
            Matcher m = p.matcher(sentence);
            if (m.find()) {
                return Optional.of(NAMES.get(m.group(1)));
            }
        }
        if (NATIONWIDE.matcher(sentence).find()) {
            return Optional.of("United States");
        }
        Matcher m = PLACE_POLL.matcher(sentence);
        if (m.find()) {
            return Optional.of(NAMES.get(m.group(1)));
        }
        return Optional.empty();
    }

    /** Whether a word names a place's people ("Texans", "Scots"), not the place itself ("Texas"). */
    static boolean isPeople(String word) {
        String place = NAMES.get(word.strip());
        return place != null && !place.equals(word.strip()) && word.strip().endsWith("s");
    }

    /** The canonical name of a place or its people ("Scots" is Scotland). */
    static String canonical(String words) {
        return NAMES.getOrDefault(words.strip(), words.strip().toLowerCase(Locale.ROOT));
    }
}
