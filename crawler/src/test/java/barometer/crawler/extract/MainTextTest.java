package barometer.crawler.extract;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.jsoup.Jsoup;
import org.junit.jupiter.api.Test;

class MainTextTest {
    private final MainText mainText = new MainText();

    @Test
    void aPageWrappedInOneFormKeepsItsText() {
        String html = "<html><body><form id=\"aspnetForm\" action=\"/\"><div class=\"article-body\">"
                + "<p>Two service members were killed in a helicopter crash on Wednesday, officials said.</p>"
                + "<p>The cause of the crash is under investigation, the statement said.</p></div>"
                + "<form class=\"search\"><p>Search the site for more stories like this one today</p></form>"
                + "</form></body></html>";
        assertEquals("Two service members were killed in a helicopter crash on Wednesday, officials said.\n\n"
                + "The cause of the crash is under investigation, the statement said.", mainText.of(Jsoup.parse(html)));
    }

    private static final String NAV = "<nav><ul><li><a href=/>Home</a></li><li><a href=/news>News</a></li>"
            + "<li><a href=/guides>Guides</a></li></ul></nav>";
    private static final String FOOTER = "<footer><p>Copyright 2026 The Example Site. All rights reserved. "
            + "Terms of use and privacy policy apply to every page.</p></footer>";

    @Test
    void aListArticleKeepsEverySectionWithItsHeadingAndItems() {
        String html = "<html><body>" + NAV + "<main><h1>Seven ways to save on groceries</h1>"
                + "<section class=\"block\"><div class=\"inner\"><h2>1. Plan your meals</h2><p>Write the week's meals "
                + "down before you shop, and buy only what the plan needs.</p></div></section>"
                + "<section class=\"block\"><div class=\"inner\"><h2>2. Buy in season</h2><p>Fruit and vegetables in "
                + "season cost less, taste better and keep longer at home.</p><ul><li>Apples in autumn</li>"
                + "<li>Berries in summer</li></ul></div></section>"
                + "<section class=\"block\"><div class=\"inner\"><h2>3. Compare unit prices</h2><p>The shelf label "
                + "gives the price per kilo, which tells the larger pack's real cost.</p></div></section></main>"
                + FOOTER + "</body></html>";
        assertEquals("Seven ways to save on groceries\n\n1. Plan your meals\n\nWrite the week's meals down before "
                + "you shop, and buy only what the plan needs.\n\n2. Buy in season\n\nFruit and vegetables in season "
                + "cost less, taste better and keep longer at home.\n\nApples in autumn\n\nBerries in summer\n\n"
                + "3. Compare unit prices\n\nThe shelf label gives the price per kilo, which tells the larger pack's "
                + "real cost.", mainText.of(Jsoup.parse(html)));
    }

    @Test
    void aPageBuilderWidgetIsContentNotASidebar() {
        String html = "<html><body><div class=\"elementor-widget elementor-widget-text-editor\"><div class=\"elementor-"
                + "widget-container\"><p>The council voted on Tuesday to close the bridge for repairs, a decision that "
                + "will reroute traffic for a year.</p><p>Work begins in March, the council said.</p></div></div>"
                + "<div class=\"elementor-widget elementor-widget-text-editor\"><div class=\"elementor-widget-container"
                + "\"><p>Residents can comment on the detour plan until the end of the month, officials added.</p>"
                + "</div></div></body></html>";
        assertEquals("The council voted on Tuesday to close the bridge for repairs, a decision that will reroute "
                + "traffic for a year.\n\nWork begins in March, the council said.\n\nResidents can comment on the "
                + "detour plan until the end of the month, officials added.", mainText.of(Jsoup.parse(html)));
    }

    @Test
    void aLongTableIsReadCellByCell() {
        StringBuilder rows = new StringBuilder();
        for (int i = 1; i <= 12; i++) {
            rows.append("<tr><td>Route ").append(i).append("</td><td>").append(10 + i).append(" minutes</td></tr>");
        }
        String html = "<html><body>" + NAV + "<article><p>Bus times changed on Monday across the whole network, the "
                + "transit agency said.</p><table>" + rows + "</table></article>" + FOOTER + "</body></html>";
        MainText.Found found = mainText.find(Jsoup.parse(html));
        assertEquals(TextSource.MARKUP, found.source());
        StringBuilder expected = new StringBuilder("Bus times changed on Monday across the whole network, the "
                + "transit agency said.");
        for (int i = 1; i <= 12; i++) {
            expected.append("\n\nRoute ").append(i).append("\n\n").append(10 + i).append(" minutes");
        }
        assertEquals(expected.toString(), found.text());
    }

    @Test
    void aPageWhoseTextIsOnlyInJsonLdIsReadFromThere() {
        String html = "<html><head><script type=\"application/ld+json\">{\"@type\": \"NewsArticle\", \"headline\": "
                + "\"Dam opens\", \"articleBody\": \"" + "The new dam opened on Friday after six years of work. ".repeat(20)
                + "\\nIt will power forty thousand homes.\"}</script></head><body><div id=\"app\"></div></body></html>";
        MainText.Found found = mainText.find(Jsoup.parse(html));
        assertEquals(TextSource.JSON_LD, found.source());
        assertEquals(("The new dam opened on Friday after six years of work. ".repeat(20)).strip()
                + "\n\nIt will power forty thousand homes.", found.text());
    }

    @Test
    void aFrameworkPageIsReadFromItsHydrationData() {
        String para = "The river rose two metres overnight. Crews worked until dawn to shore up the banks.";
        String html = "<html><body><div id=\"__next\"></div><script id=\"__NEXT_DATA__\" type=\"application/json\">"
                + "{\"props\":{\"pageProps\":{\"story\":{\"url\":\"https://example.com/a\",\"blocks\":["
                + ("{\"type\":\"p\",\"text\":\"" + para + "\"},").repeat(1)
                + "{\"type\":\"p\",\"text\":\"<p>Schools stayed closed on Tuesday. Parents were told to check the "
                + "website for updates before leaving home.</p>\"}," + "{\"type\":\"p\",\"text\":\"" + para.replace("two", "three")
                + " More rain is forecast. Roads near the river stay shut until the water falls again.\"}"
                + "]}}}}</script></body></html>";
        MainText.Found found = mainText.find(Jsoup.parse(html));
        assertEquals(TextSource.HYDRATION_DATA, found.source());
        assertEquals(para + "\n\nSchools stayed closed on Tuesday. Parents were told to check the website for "
                + "updates before leaving home.\n\n" + para.replace("two", "three") + " More rain is forecast. Roads "
                + "near the river stay shut until the water falls again.", found.text());
    }

    @Test
    void anArticleInATemplateOrNoscriptIsFoundWhenThePageShowsNothing() {
        String story = "<p>The museum reopened on Saturday with a new wing for local history and a cafe.</p>"
                + "<p>Entry stays free for children under twelve, the director said at the opening.</p>";
        MainText.Found template = mainText.find(Jsoup.parse("<html><body><div id=root></div><template "
                + "shadowrootmode=\"open\"><article>" + story + "</article></template></body></html>"));
        assertEquals(TextSource.TEMPLATE, template.source());
        assertEquals("The museum reopened on Saturday with a new wing for local history and a cafe.\n\nEntry stays "
                + "free for children under twelve, the director said at the opening.", template.text());
        MainText.Found noscript = mainText.find(Jsoup.parse("<html><body><div id=root>Loading</div><noscript>"
                + story + "</noscript></body></html>"));
        assertEquals(TextSource.NOSCRIPT, noscript.source());
        assertEquals(template.text(), noscript.text());
    }

    @Test
    void aPageWithNoTextSaysSo() {
        assertEquals(new MainText.Found("", TextSource.NONE), mainText.find(Jsoup.parse("<html><body></body></html>")));
    }
}
