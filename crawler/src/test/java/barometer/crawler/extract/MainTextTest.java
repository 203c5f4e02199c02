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
}
