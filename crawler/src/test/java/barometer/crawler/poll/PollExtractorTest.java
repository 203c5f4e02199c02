package barometer.crawler.poll;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PollExtractorTest {
    private final PollExtractor extractor = new PollExtractor();

    private static Path fixtures() throws URISyntaxException {
        return Path.of(PollExtractorTest.class.getResource("/polls").toURI());
    }

    @Test
    void readsEveryValueOfAPollRelease() throws Exception {
        String text = Files.readString(fixtures().resolve("01-reuters-ipsos-release.txt"));
        List<Poll> polls = extractor.extract(text, "release", null, "calexit");
        assertEquals(1, polls.size());
        Poll p = polls.get(0);
        assertEquals("Ipsos", p.pollster());
        assertEquals(List.of("Reuters"), p.sponsors());
        assertEquals(LocalDate.of(2017, 1, 12), p.fieldStart());
        assertEquals(LocalDate.of(2017, 1, 24), p.fieldEnd());
        assertEquals(1000, p.sampleSize());
        assertEquals(Population.ADULTS, p.population());
        assertEquals(3.5, p.marginOfError());
        assertEquals("California", p.geography());
        assertEquals("online", p.mode());
        assertEquals(Map.of("support", 32.0, "oppose", 57.0, "unsure", 11.0), p.answers());
        assertTrue(p.confirmed());
        assertEquals("calexit", p.topic());
        assertTrue(p.evidence().stream().anyMatch(e -> e.field().equals("answers.support")
                && e.sentence().contains("32% support")));
    }

    @Test
    void readsSharesWrittenAsWordsAndFractions() {
        String text = "Two-thirds of Texans oppose leaving the United States, while roughly a quarter support the "
                + "idea, according to a SurveyUSA poll conducted April 8-12, 2021.";
        Poll p = extractor.extract(text, "t", null, "").get(0);
        assertEquals(Map.of("oppose", 66.7, "support", 25.0), p.answers());
    }

    @Test
    void hedgedShareMakesThePollUnconfirmed() {
        String text = "Nearly half of voters would back independence, a Survation poll conducted 2-4 May 2022 found.";
        Poll p = extractor.extract(text, "t", null, "").get(0);
        assertEquals(50.0, p.share("support"));
        assertFalse(p.confirmed());
    }

    @Test
    void numbersThatAreNotPollsGiveNoPoll() throws Exception {
        String text = Files.readString(fixtures().resolve("05-not-a-poll-budget.txt"));
        assertEquals(List.of(), extractor.extract(text, "t", LocalDate.of(2017, 3, 1), ""));
    }

    @Test
    void twoPollsInOneSentenceStaySeparate() throws Exception {
        String text = Files.readString(fixtures().resolve("04-two-scottish-polls.txt"));
        List<Poll> polls = extractor.extract(text, "t", null, "");
        assertEquals(2, polls.size());
        assertEquals(Map.of("support", 49.0, "oppose", 51.0), polls.get(0).answers());
        assertEquals(Map.of("support", 45.0, "oppose", 55.0), polls.get(1).answers());
    }

    @Test
    void aMissingYearComesFromTheReleaseDayWithLowerConfidence() {
        String text = "A Gallup poll conducted Dec. 28 to Jan. 3 found 40% approve.";
        Poll p = extractor.extract(text, "t", LocalDate.of(2018, 1, 10), "").get(0);
        assertEquals(LocalDate.of(2017, 12, 28), p.fieldStart());
        assertEquals(LocalDate.of(2018, 1, 3), p.fieldEnd());
    }

    @Test
    void fixtureSetMeetsTheExtractionTargets() throws IOException, URISyntaxException {
        PollEvaluation.Summary s = PollEvaluation.evaluate(fixtures());
        assertTrue(s.expected() >= 30, "fixtures: " + s.expected());
        assertTrue(s.total().precision() >= 0.95, "field precision " + s.total().precision() + " " + s.misses());
        assertTrue(s.total().recall() >= 0.9, "field recall " + s.total().recall() + " " + s.misses());
    }

    @Test
    void fifthBatchHoldsItsScoreAfterTheFixes() throws IOException, URISyntaxException {
        // First score, before any rule was changed for these texts: precision 0.918, recall 0.695 (README).
        PollEvaluation.Summary s = PollEvaluation.evaluate(
                Path.of(PollExtractorTest.class.getResource("/polls-batch5").toURI()));
        assertEquals(14, s.expected());
        assertTrue(s.total().precision() >= 0.97, "field precision " + s.total().precision() + " " + s.misses());
        assertTrue(s.total().recall() >= 0.82, "field recall " + s.total().recall() + " " + s.misses());
    }

    @Test
    void aFirmNobodyListedIsFoundByHowThePollIsReported() {
        Poll wire = extractor.extract("One in every three California residents supports the state's peaceful "
                + "withdrawal from the union, according to a Golden Gate Review/Cascadia Research opinion poll released "
                + "last week.", "t", null, "").get(0);
        assertEquals("Cascadia Research", wire.pollster());
        assertEquals(List.of("Golden Gate Review"), wire.sponsors());
        assertEquals(Map.of("support", 33.3), wire.answers());

        Poll table = extractor.extract("Should Texas become an independent nation? Yes 26% No 59%. Survey of 1,034 "
                + "registered voters, conducted June 2-9, 2023 by Lone Star Polling.", "t", null, "").get(0);
        assertEquals("Lone Star Polling", table.pollster());

        Poll interviewer = extractor.extract("Find Out Now surveyed 1,101 Scottish adults between 5 and 9 May 2023: "
                + "Yes 51%, No 43%.", "t", null, "").get(0);
        assertEquals("Find Out Now", interviewer.pollster());
    }

    @Test
    void aFirmAndItsClientAreTwoNames() {
        Poll p = extractor.extract("A quarter of West Australians would support the state seceding, a survey by "
                + "Painted Dog Research for The West Australian has found: 25 per cent backed it in July 2024.",
                "t", null, "").get(0);
        assertEquals("Painted Dog Research", p.pollster());
        assertEquals(List.of("West Australian"), p.sponsors());
    }

    @Test
    void aWholePopulationIsNotASubgroupWhateverItsName() {
        Poll p = extractor.extract("Among Vermonters, 40% support the state seceding, according to a poll by Green "
                + "Mountain Research of 600 Vermont adults conducted Feb. 1-4, 2024. Among young Vermonters, support "
                + "rises to 52%.", "t", null, "").get(0);
        assertEquals(Map.of("support", 40.0), p.answers());
    }

    @Test
    void aOneWordFirmNameInOtherNewsOpensNoPoll() {
        assertEquals(List.of(), extractor.extract("Exports to CIS countries rose 12% in 2023 while support for the "
                + "trade deal fell to 40%.", "t", null, ""));
        assertEquals(List.of(), extractor.extract("Lucid said 35% of reservations converted and backing from "
                + "investors grew 60%.", "t", null, ""));
        assertEquals("CIS", extractor.extract("According to the latest barometer from the CIS, carried out in June "
                + "2018, 21.3% of Spaniards support a referendum.", "t", null, "").get(0).pollster());
    }

    @Test
    void aVersusPairGivesTheSubjectTheFirstShare() {
        Poll p = extractor.extract("Independence trails 45 percent to 49 percent in a new Survation poll for the "
                + "Sunday Post, taken on 30-31 August 2021.", "t", null, "").get(0);
        assertEquals(Map.of("support", 45.0, "oppose", 49.0), p.answers());
        assertEquals(List.of("Sunday Post"), p.sponsors());
    }

    @Test
    void aRiseFromOneShareToAnotherIsNotAPair() {
        Poll p = extractor.extract("Support for independence rose from 20 percent to 32 percent in a Gallup poll "
                + "conducted May 1-5, 2020.", "t", null, "").get(0);
        assertEquals(Map.of("support", 32.0), p.answers());
    }

    @Test
    void firmNamesInCapitalsAndWithSuffixesAreTheKnownFirm() {
        List<Poll> polls = extractor.extract("IPSOS SCOTLAND POLL FOR STV\nSupport for independence stood at 52% "
                + "in the Ipsos Scotland survey conducted 11-17 May 2023.", "t", null, "");
        assertEquals("Ipsos", polls.get(0).pollster());
    }

    @Test
    void aFirmNamedAgainByItsInitialsIsTheSamePoll() {
        List<Poll> polls = extractor.extract("In a survey released Monday by the Public Policy Institute of California, "
                + "30 percent of adults said California would be better off as an independent nation. PPIC "
                + "interviewed 1,700 California adults from Feb. 2 to Feb. 11, 2018.", "t", null, "");
        assertEquals(1, polls.size());
        assertEquals(1700, polls.get(0).sampleSize());
        assertEquals(Map.of("support", 30.0), polls.get(0).answers());
    }

    @Test
    void forInsideAFirmsNameIsNotASponsor() {
        Poll p = extractor.extract("Data for Progress found that 33 percent of likely voters would support "
                + "independence, in a poll conducted May 1-5, 2021.", "t", null, "").get(0);
        assertEquals("Data for Progress", p.pollster());
        assertEquals(List.of(), p.sponsors());
    }
}
