package barometer.crawler.poll;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.StringReader;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PollCsvTest {

    @Test
    void readsThePublishedApprovalListLayout() throws Exception {
        String csv = """
                start_date,end_date,pollster,pollster_grade,sample_size,population,approve,disapprove,tracking,url,poll_id,question_id,created_date
                2017-01-20,2017-01-22,Gallup,B,1500,a,45,45,yes,http://example.org/g,49253,77265,2017-01-23
                """;
        PollCsv.Result r = new PollCsv("approval").read(new StringReader(csv), "approval_polls.csv");
        assertEquals(List.of(), r.problems());
        Poll p = r.polls().get(0);
        assertEquals("Gallup", p.pollster());
        assertEquals(LocalDate.of(2017, 1, 20), p.fieldStart());
        assertEquals(LocalDate.of(2017, 1, 22), p.fieldEnd());
        assertEquals(LocalDate.of(2017, 1, 23), p.released());
        assertEquals(1500, p.sampleSize());
        assertEquals(Population.ADULTS, p.population());
        assertEquals(Map.of("approve", 45.0, "disapprove", 45.0), p.answers());
        assertTrue(p.tracking());
        assertEquals("49253:77265", p.externalId());
        assertEquals("approval", p.topic());
        assertEquals(List.of("http://example.org/g"), p.sources());
    }

    @Test
    void reportsEachBadRowWithItsLineAndKeepsTheGoodOnes() throws Exception {
        String csv = """
                pollster,field_start,field_end,sample_size,population,support,oppose
                Ipsos,2017-01-12,2017-01-24,1000,adults,32,57
                ,2017-02-01,2017-02-03,800,adults,30,60
                YouGov,2017-02-05,2017-02-01,900,adults,20,61
                Survation,2017-03-01,2017-03-02,lots,adults,40,50
                Panelbase,2017-03-05,2017-03-06,1000,martians,40,50
                Opinium,2017-03-07,2017-03-08,1000,adults,140,50
                Emerson,2017-04-01,2017-04-02,800,lv,27,52
                """;
        PollCsv.Result r = new PollCsv("calexit").read(new StringReader(csv), "f.csv");
        assertEquals(List.of("Ipsos", "Emerson"), r.polls().stream().map(Poll::pollster).toList());
        assertEquals(List.of(3L, 4L, 5L, 6L, 7L), r.problems().stream().map(PollCsv.RowProblem::line).toList());
        assertEquals("pollster is empty", r.problems().get(0).reason());
        assertEquals("field_start 2017-02-05 is after field_end 2017-02-01", r.problems().get(1).reason());
        assertEquals(Population.LIKELY_VOTERS, r.polls().get(1).population());
    }
}
