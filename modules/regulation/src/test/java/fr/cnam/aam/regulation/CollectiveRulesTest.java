package fr.cnam.aam.regulation;

import fr.cnam.aam.kernel.BusinessRuleViolation;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The collective aid of 25 February 2026 (regulation.md §3b, every value secondary: S38 quoting ameli S39), for a
 * group of 3 GPs financing 2 ETP. Expected figures are the source's: average patientèle ≥ 775; ETP ≤ the number of
 * members; 38 000 / 28 000 / 22 000 € per ETP; objectives +260 MT and +110 file active per ETP within 2 years;
 * P50 1 045 / 1 514 for a member installed less than 12 months ago; a 2-year waiting period.
 */
class CollectiveRulesTest {

    private static final LocalDate SIGNED = LocalDate.of(2026, 4, 1);
    private final Rulebook rulebook = Rulebook.shipped();

    private static GroupMember gp(String rpps, int mtPatients) {
        return new GroupMember(rpps, "MEDECINE_GENERALE", "SECTOR_1", false, mtPatients, 1500,
                               LocalDate.of(2015, 1, 1), false);
    }

    private static GroupRequest group(int etpPermille, GroupMember... members) {
        return new GroupRequest(SIGNED, "SCM", List.of(members), etpPermille, false);
    }

    private static List<String> codes(CollectiveDecision decision) {
        return decision.reasons().stream().map(Reason::code).toList();
    }

    @Test
    void threeGpsAveraging775AreEligibleAnd774AreNot() {
        // 700 + 800 + 825 = 2 325 = 3 × 775
        CollectiveDecision average775 = CollectiveRules.decide(group(2000, gp("A", 700), gp("B", 800), gp("C", 825)),
                                                               rulebook);
        assertThat(average775.status()).isEqualTo(EligibilityStatus.ELIGIBLE);
        assertThat(average775.regulatoryVersion()).isEqualTo(RegulatoryVersion.COLLECTIVE_2026);
        assertThat(average775.averageMtPatients()).isEqualTo(775.0);
        assertThat(codes(average775)).contains("AVERAGE_PATIENTELE_REACHED", "ETP_WITHIN_CAP", "STRUCTURE_ELIGIBLE");
        assertThat(average775.reasons()).allSatisfy(r -> assertThat(r.confidence()).isIn(Confidence.SECONDARY,
                                                                                          Confidence.UNVERIFIED));
        // 700 + 800 + 822 = 2 322: an average of 774
        CollectiveDecision average774 = CollectiveRules.decide(group(2000, gp("A", 700), gp("B", 800), gp("C", 822)),
                                                               rulebook);
        assertThat(average774.status()).isEqualTo(EligibilityStatus.NOT_ELIGIBLE);
        assertThat(codes(average774)).contains("AVERAGE_PATIENTELE_TOO_LOW");
    }

    @Test
    void theEtpIsCappedAtTheNumberOfMembers() {
        GroupMember[] three = {gp("A", 800), gp("B", 800), gp("C", 800)};
        assertThat(CollectiveRules.decide(group(3000, three), rulebook).etpCapPermille()).isEqualTo(3000);
        CollectiveDecision four = CollectiveRules.decide(group(4000, three), rulebook);
        assertThat(four.status()).isEqualTo(EligibilityStatus.NOT_ELIGIBLE);
        assertThat(codes(four)).contains("ETP_ABOVE_CAP");
        assertThat(codes(CollectiveRules.decide(group(0, three), rulebook))).contains("ETP_INVALID");
        // from November 2026, +0.5 ETP per member of an approved ambulatory training site: 3 + 1.5
        GroupRequest teaching = new GroupRequest(LocalDate.of(2026, 11, 15), "SCM", List.of(three), 4500, true);
        CollectiveDecision withBonus = CollectiveRules.decide(teaching, rulebook);
        assertThat(withBonus.etpCapPermille()).isEqualTo(4500);
        assertThat(withBonus.status()).isEqualTo(EligibilityStatus.ELIGIBLE);
        // before November, no bonus
        GroupRequest before = new GroupRequest(LocalDate.of(2026, 10, 31), "SCM", List.of(three), 4500, true);
        assertThat(CollectiveRules.decide(before, rulebook).etpCapPermille()).isEqualTo(3000);
    }

    @Test
    void twoEtpAreFinanced76000Then56000Then44000AYearWithObjectives520And220() {
        CollectiveDecision decision = CollectiveRules.decide(group(2000, gp("A", 800), gp("B", 800),
                                                                   gp("C", 800)), rulebook);
        assertThat(decision.aid()).extracting(CollectiveYear::aidCents)
                                  .containsExactly(7_600_000L, 5_600_000L, 4_400_000L, 4_400_000L, 4_400_000L);
        assertThat(decision.aid().get(0).perEtpCents()).isEqualTo(3_800_000L);
        assertThat(decision.objectives().mtPatientsIncrease()).isEqualTo(520);
        assertThat(decision.objectives().fileActiveIncrease()).isEqualTo(220);
        assertThat(decision.objectives().byYear()).isEqualTo(2);
        assertThat(decision.objectives().newlyInstalled()).isEmpty();
    }

    @Test
    void aMemberInstalledLessThanAYearAgoMustReachTheP50AfterThreeYears() {
        GroupMember recent = new GroupMember("N", "MEDECINE_GENERALE", "SECTOR_2_OPTAM", false, 900, 1200,
                                             SIGNED.minusMonths(5), false);
        CollectiveDecision decision = CollectiveRules.decide(group(2000, gp("A", 800), gp("B", 800), recent),
                                                             rulebook);
        assertThat(decision.objectives().newlyInstalled())
                .containsExactly(new CollectiveObjectives.MemberObjective("N", 1045, 1514, 3));
    }

    @Test
    void membersAndSignatoriesTheSourceExcludesAreRefused() {
        GroupMember cardiologist = new GroupMember("K", "CARDIOLOGIE", "SECTOR_1", false, 900, 1600, null, false);
        GroupMember mep = new GroupMember("M", "MEDECINE_GENERALE", "SECTOR_1", true, 900, 1600, null, false);
        GroupMember sector2 = new GroupMember("S", "MEDECINE_GENERALE", "SECTOR_2", false, 900, 1600, null, false);
        CollectiveDecision decision = CollectiveRules.decide(group(2000, cardiologist, mep, sector2), rulebook);
        assertThat(codes(decision)).contains("MEMBER_SPECIALTY_NOT_ELIGIBLE", "MEMBER_MEP_EXCLUDED",
                                             "MEMBER_SECTOR_NOT_ELIGIBLE");
        GroupRequest sel = new GroupRequest(SIGNED, "SEL", List.of(gp("A", 800), gp("B", 800)), 1000, false);
        assertThat(codes(CollectiveRules.decide(sel, rulebook))).contains("STRUCTURE_NOT_ELIGIBLE");
        assertThat(codes(CollectiveRules.decide(group(1000), rulebook))).contains("GROUP_EMPTY");
        // one doctor named twice would double the cap: refused
        CollectiveDecision twice = CollectiveRules.decide(group(2000, gp("A", 1500), gp("A", 1500)), rulebook);
        assertThat(twice.status()).isEqualTo(EligibilityStatus.NOT_ELIGIBLE);
        assertThat(codes(twice)).contains("MEMBER_DUPLICATE");
    }

    @Test
    void aRevisionCannotStoreAValueNoContractOfItsKindWouldRead() {
        assertThatThrownBy(() -> rulebook.revise("x", java.util.Map.of("collective.aid.perEtp.year1", List.of(
                new ParameterValue(RegulatoryVersion.CONV_2024, LocalDate.of(2026, 3, 1),
                                   com.fasterxml.jackson.databind.node.LongNode.valueOf(1L), "test",
                                   Confidence.UNVERIFIED)))))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("COLLECTIVE");
        assertThatThrownBy(() -> rulebook.revise("x", java.util.Map.of("options.available", List.of(
                new ParameterValue(RegulatoryVersion.COLLECTIVE_2026, LocalDate.of(2026, 3, 1),
                                   com.fasterxml.jackson.databind.node.TextNode.valueOf("FULL_TIME"), "test",
                                   Confidence.UNVERIFIED)))))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("INDIVIDUAL");
        // the version starts hold both kinds: a caisse may still date either
        assertThat(rulebook.revise("x", java.util.Map.of("version.start", List.of(
                new ParameterValue(RegulatoryVersion.COLLECTIVE_2026, LocalDate.of(2026, 2, 25),
                                   com.fasterxml.jackson.databind.node.TextNode.valueOf("2026-03-01"), "test",
                                   Confidence.UNVERIFIED)))).revision()).isEqualTo("x");
    }

    @Test
    void fromYearThreeAnObjectiveNotFullyReachedMakesTheAidProRata() {
        // year 3 of 2 ETP: 44 000 €; +390 of +520 MT patients (75 %), +220 of +220 file active (100 %). The two
        // rates are combined by their mean (87.5 %): an unverified inference the rulebook flags, so 38 500 €
        CollectiveModulation year3 = CollectiveRules.modulate(3, 4_400_000L, 520, 390, 220, 220,
                                                              LocalDate.of(2029, 4, 15), rulebook);
        assertThat(year3.mtPatientsRatePermille()).isEqualTo(750);
        assertThat(year3.fileActiveRatePermille()).isEqualTo(1000);
        assertThat(year3.modulatedAidCents()).isEqualTo(3_850_000L);
        assertThat(year3.reason().code()).isEqualTo("COLLECTIVE_PRO_RATA");
        assertThat(year3.reason().confidence()).isEqualTo(Confidence.UNVERIFIED);
        CollectiveModulation exceeded = CollectiveRules.modulate(3, 4_400_000L, 520, 700, 220, 300,
                                                                 LocalDate.of(2029, 4, 15), rulebook);
        assertThat(exceeded.modulatedAidCents()).as("reached: in full, never more").isEqualTo(4_400_000L);
        CollectiveModulation year2 = CollectiveRules.modulate(2, 5_600_000L, 520, 100, 220, 0,
                                                              LocalDate.of(2028, 4, 15), rulebook);
        assertThat(year2.modulatedAidCents()).as("not modulated before year 3").isEqualTo(5_600_000L);
    }

    @Test
    void aMemberWaitsTwoYearsAfterACollectiveContractEnds() {
        assertThat(CollectiveRules.waitingPeriodEnds(LocalDate.of(2031, 3, 31), rulebook))
                .isEqualTo(LocalDate.of(2033, 3, 31));
    }

    @Test
    void theCollectiveVersionNeitherDecidesNorRevaluesIndividualContracts() {
        // an individual contract signed after 25 February 2026 is still under the 2024 convention
        assertThat(rulebook.versionOn(LocalDate.of(2026, 6, 1))).isEqualTo(RegulatoryVersion.CONV_2024);
        assertThat(rulebook.versionOn(LocalDate.of(2026, 6, 1), RegulatoryVersion.Kind.COLLECTIVE))
                .isEqualTo(RegulatoryVersion.COLLECTIVE_2026);
        // the collective version inherits no individual value, and individual versions none of its
        assertThat(rulebook.find("options.available", RegulatoryVersion.COLLECTIVE_2026, LocalDate.of(2026, 6, 1)))
                .isNull();
        assertThat(rulebook.find("collective.aid.perEtp.year1", RegulatoryVersion.CONV_2024,
                                 LocalDate.of(2026, 6, 1))).isNull();
        // a CONV 2024 full-time contract signed in 2025 keeps its 2024 amounts at its 2026 anniversary
        AidSimulation conv = AidRules.simulate(new AidRequest(LocalDate.of(2025, 3, 1), null, "FULL_TIME",
                                                              "P70_P90", null, null), rulebook);
        assertThat(conv.years()).allSatisfy(y -> assertThat(y.amountsOf()).isEqualTo(RegulatoryVersion.CONV_2024));
        assertThatThrownBy(() -> AidRules.simulate(new AidRequest(LocalDate.of(2026, 6, 1),
                RegulatoryVersion.COLLECTIVE_2026, "FULL_TIME", "P70_P90", null, null), rulebook))
                .isInstanceOf(BusinessRuleViolation.class).extracting("rule").isEqualTo("VERSION_KIND_MISMATCH");
    }

    @Test
    void eachYearsAidIsPaidOnTheDayThatOpensItAsTheUnverifiedCalendarSays() {
        // S38 states no calendar: the rulebook's AT_YEAR_START, flagged unverified
        List<Payment> year3 = CollectiveRules.calendar(3, LocalDate.of(2026, 4, 1), 4_400_000L,
                                                       RegulatoryVersion.COLLECTIVE_2026, rulebook);
        assertThat(year3).singleElement().satisfies(p -> {
            assertThat(p.dueDate()).isEqualTo(LocalDate.of(2028, 4, 1));
            assertThat(p.amountCents()).isEqualTo(4_400_000L);
            assertThat(p.rule().parameter()).isEqualTo("collective.payment.calendar");
            assertThat(p.rule().confidence()).isEqualTo(Confidence.UNVERIFIED);
        });
    }
}
