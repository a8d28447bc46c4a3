package fr.cnam.aam.employment.core.command;

import fr.cnam.aam.employment.api.AbsenceStarted;
import fr.cnam.aam.employment.api.AssistantHired;
import fr.cnam.aam.employment.api.AssistantLeft;
import fr.cnam.aam.employment.api.DeadlineMissed;
import fr.cnam.aam.employment.api.EndAbsenceCommand;
import fr.cnam.aam.employment.api.RecordMissedDeadlineCommand;
import fr.cnam.aam.employment.api.HireAssistantCommand;
import fr.cnam.aam.employment.api.HiringProofSubmitted;
import fr.cnam.aam.employment.api.QualificationObtained;
import fr.cnam.aam.employment.api.RecordDepartureCommand;
import fr.cnam.aam.employment.api.RecordQualificationCommand;
import fr.cnam.aam.employment.api.RecordSecretaryReplacementCommand;
import fr.cnam.aam.employment.api.SecretaryPostReplaced;
import fr.cnam.aam.employment.api.StartAbsenceCommand;
import fr.cnam.aam.employment.api.StartTrainingCommand;
import fr.cnam.aam.employment.api.SubmitHiringProofCommand;
import fr.cnam.aam.employment.api.TrainingStarted;
import fr.cnam.aam.kernel.BusinessRuleViolation;
import fr.cnam.aam.regulation.Rulebook;
import fr.cnam.aam.regulation.Rulebooks;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;

class AssistantTest {

    private static final String ID = "Assistant:a-1";
    private final Rulebook shipped = Rulebook.shipped();
    private AggregateTestFixture<Assistant> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Assistant.class);
        fixture.registerInjectableResource(Rulebooks.fixed(shipped));
    }

    private static HireAssistantCommand hire(LocalDate on, List<String> qualifications, boolean formerSecretary) {
        return new HireAssistantCommand(ID, List.of("Contract:c-1"), "DOCTOR", true, 35, on, qualifications,
                                        formerSecretary, null);
    }

    private AssistantHired hired(LocalDate on, List<String> qualifications, boolean formerSecretary) {
        fixture.givenNoPriorActivity().when(hire(on, qualifications, formerSecretary))
               .expectSuccessfulHandlerExecution();
        return (AssistantHired) fixture.getEventStore().readEvents(ID).next().getPayload();
    }

    @Test
    void hiringIn2020WithoutQualificationOpensTheDeadlines() {
        // §1.7 (S32, S21): training within 2 years, qualification within 3; proof within 15 days (S12, inferred)
        AssistantHired event = hired(LocalDate.of(2020, 3, 1), List.of(), false);
        assertThat(event.hiringProofBy()).isEqualTo(LocalDate.of(2020, 3, 16));
        assertThat(event.trainingStartBy()).isEqualTo(LocalDate.of(2022, 3, 1));
        assertThat(event.qualifiedBy()).isEqualTo(LocalDate.of(2023, 3, 1));
        assertThat(event.secretaryReplacedBy()).isNull();
        assertThat(event.regulatoryVersion()).isEqualTo("AV7_2019");
        assertThat(event.rules()).anyMatch(r -> r.startsWith("assistant.qualificationYears"));
    }

    @Test
    void aFormerSecretaryHiredIn2024NeedsThePostFilledWithinSixMonths() {
        // §3.5 (S25): 2 years to qualify from 22 June 2024; §3.6 (S26): the secretary's post within 6 months
        AssistantHired event = hired(LocalDate.of(2024, 9, 1), List.of("DEAS"), true);
        assertThat(event.qualifiedBy()).isEqualTo(LocalDate.of(2026, 9, 1));
        assertThat(event.secretaryReplacedBy()).isEqualTo(LocalDate.of(2025, 3, 1));
        fixture.given(event)
               .when(new RecordSecretaryReplacementCommand(ID, LocalDate.of(2025, 4, 1), "ALTERNATIVE_SECRETARIAT"))
               .expectEvents(new SecretaryPostReplaced(ID, LocalDate.of(2025, 4, 1), "ALTERNATIVE_SECRETARIAT",
                                                       false));
    }

    @Test
    void aHireNeedsACdiAContractAndKnownQualifications() {
        fixture.givenNoPriorActivity()
               .when(new HireAssistantCommand(ID, List.of("Contract:c-1"), "DOCTOR", false, 35,
                                              LocalDate.of(2024, 9, 1), List.of(), false, null))
               .expectException(BusinessRuleViolation.class).expectExceptionMessage(containsString("CDI"))
               .expectNoEvents();
        fixture.givenNoPriorActivity()
               .when(new HireAssistantCommand(ID, List.of(), "DOCTOR", true, 35, LocalDate.of(2024, 9, 1), List.of(),
                                              false, null))
               .expectException(BusinessRuleViolation.class).expectNoEvents();
        fixture.givenNoPriorActivity()
               .when(hire(LocalDate.of(2024, 9, 1), List.of("BTS"), false))
               .expectException(BusinessRuleViolation.class).expectNoEvents();
    }

    @Test
    void proofTrainingAndQualificationAreCheckedAgainstTheirDeadlines() {
        AssistantHired event = hired(LocalDate.of(2020, 3, 1), List.of(), false);
        fixture.given(event).when(new SubmitHiringProofCommand(ID, LocalDate.of(2020, 3, 20)))
               .expectEvents(new HiringProofSubmitted(ID, LocalDate.of(2020, 3, 20), false,
                                                      LocalDate.of(2020, 3, 1), List.of("Contract:c-1")));
        fixture.given(event).when(new StartTrainingCommand(ID, LocalDate.of(2021, 1, 10), "CQP"))
               .expectEvents(new TrainingStarted(ID, LocalDate.of(2021, 1, 10), "CQP", true));
        fixture.given(event).when(new RecordQualificationCommand(ID, "CQP", LocalDate.of(2022, 12, 1)))
               .expectEvents(new QualificationObtained(ID, "CQP", LocalDate.of(2022, 12, 1), true, true));
        fixture.given(event).when(new RecordQualificationCommand(ID, "CAP", LocalDate.of(2022, 12, 1)))
               .expectException(BusinessRuleViolation.class).expectNoEvents();
    }

    @Test
    void aDiplomaCompletesOnlyWithTheFae() {
        // §1.7 (S25, S31): a DEI/DEAS/DEAP also needs the FAE
        AssistantHired event = hired(LocalDate.of(2024, 9, 1), List.of("DEI"), false);
        fixture.given(event).when(new RecordQualificationCommand(ID, "FAE", LocalDate.of(2025, 6, 1)))
               .expectEvents(new QualificationObtained(ID, "FAE", LocalDate.of(2025, 6, 1), true, true));
    }

    @Test
    void absencesAndDepartureRespectTheirOrder() {
        AssistantHired event = hired(LocalDate.of(2024, 9, 1), List.of("CQP"), false);
        // §5 (S28): more than 3 months without replacement leads to a suspension
        fixture.given(event).when(new StartAbsenceCommand(ID, LocalDate.of(2025, 1, 10), "SICK_LEAVE"))
               .expectEvents(new AbsenceStarted(ID, List.of("Contract:c-1"), LocalDate.of(2025, 1, 10), "SICK_LEAVE",
                                                LocalDate.of(2025, 4, 10), shipped.revision()));
        fixture.given(event).when(new EndAbsenceCommand(ID, LocalDate.of(2025, 2, 1)))
               .expectException(BusinessRuleViolation.class).expectNoEvents();
        fixture.given(event).when(new RecordDepartureCommand(ID, LocalDate.of(2024, 8, 1), "RESIGNATION"))
               .expectException(BusinessRuleViolation.class)
               .expectExceptionMessage(containsString("hired on")).expectNoEvents();
        AssistantLeft left = new AssistantLeft(ID, List.of("Contract:c-1"), LocalDate.of(2025, 5, 1), "RESIGNATION");
        fixture.given(event).when(new RecordDepartureCommand(ID, LocalDate.of(2025, 5, 1), "RESIGNATION"))
               .expectEvents(left);
        fixture.given(event, left).when(new SubmitHiringProofCommand(ID, LocalDate.of(2025, 6, 1)))
               .expectException(BusinessRuleViolation.class).expectNoEvents();
    }

    @Test
    void aDeadlineIsMissedOnceAndOnlyIfUnmet() {
        AssistantHired event = hired(LocalDate.of(2020, 3, 1), List.of(), false);
        DeadlineMissed proofMissed = new DeadlineMissed(ID, List.of("Contract:c-1"), "HIRING_PROOF",
                                                        LocalDate.of(2020, 3, 17), "AV7_2019", shipped.revision());
        fixture.given(event)
               .when(new RecordMissedDeadlineCommand(ID, "HIRING_PROOF", LocalDate.of(2020, 3, 17)))
               .expectEvents(proofMissed);
        fixture.given(event, proofMissed)
               .when(new RecordMissedDeadlineCommand(ID, "HIRING_PROOF", LocalDate.of(2020, 3, 17)))
               .expectException(BusinessRuleViolation.class).expectNoEvents();
        fixture.given(event, new HiringProofSubmitted(ID, LocalDate.of(2020, 3, 10), true, LocalDate.of(2020, 3, 1),
                                                     List.of("Contract:c-1")))
               .when(new RecordMissedDeadlineCommand(ID, "HIRING_PROOF", LocalDate.of(2020, 3, 17)))
               .expectException(BusinessRuleViolation.class).expectNoEvents();
        fixture.given(event)
               .when(new RecordMissedDeadlineCommand(ID, "SECRETARY_REPLACEMENT", LocalDate.of(2020, 9, 2)))
               .expectException(BusinessRuleViolation.class).expectNoEvents();
    }

    private static HireAssistantCommand hireForGroup(String employer, List<String> contracts,
                                                     List<String> qualifications) {
        return new HireAssistantCommand(ID, contracts, employer, true, 35, LocalDate.of(2026, 5, 4), qualifications,
                                        false, null, "751");
    }

    @Test
    void aGroupsAssistantIsEmployedByItsCompanyOrAnEmployersGroupWithTwoYearsForTheCqp() {
        // §3b (S38): employed by the company (SCP/SCM/SISA) or a groupement d'employeurs; CQP within 2 years
        fixture.givenNoPriorActivity()
               .when(hireForGroup("EMPLOYERS_GROUP", List.of("CollectiveContract:g-1"), List.of()))
               .expectSuccessfulHandlerExecution();
        AssistantHired hired = (AssistantHired) fixture.getEventStore().readEvents(ID).next().getPayload();
        assertThat(hired.regulatoryVersion()).isEqualTo("COLLECTIVE_2026");
        assertThat(hired.qualifiedBy()).isEqualTo(LocalDate.of(2028, 5, 4));
        assertThat(hired.trainingStartBy()).isNull();
        assertThat(hired.rules()).anyMatch(r -> r.startsWith("collective.assistant.employers"))
                                 .anyMatch(r -> r.startsWith("collective.assistant.qualificationYears"));
        // the CQP meets it; a long absence is followed by the general rule of the day (CONV_2024)
        fixture.given(hired).when(new RecordQualificationCommand(ID, "CQP", LocalDate.of(2027, 6, 1)))
               .expectEvents(new QualificationObtained(ID, "CQP", LocalDate.of(2027, 6, 1), true, true));
        // S38 states no absence rule for the group: the general one of the day (S28: beyond 3 months)
        fixture.given(hired).when(new StartAbsenceCommand(ID, LocalDate.of(2026, 9, 1), "SICK_LEAVE"))
               .expectEvents(new AbsenceStarted(ID, List.of("CollectiveContract:g-1"), LocalDate.of(2026, 9, 1),
                                                "SICK_LEAVE", LocalDate.of(2026, 12, 1), shipped.revision()));
    }

    @Test
    void anAssistantTheCompanyEmployedBeforeTheCollectiveAidBeganIsFollowedUnderItsRules() {
        // hired on 2 January 2026, before the collective version's start (25 February 2026, S38): its first
        // version, with the CQP within 2 years of the hiring
        fixture.givenNoPriorActivity()
               .when(new HireAssistantCommand(ID, List.of("CollectiveContract:g-1"), "DOCTORS_GROUP", true, 35,
                                              LocalDate.of(2026, 1, 2), List.of(), false, null, "751"))
               .expectSuccessfulHandlerExecution();
        AssistantHired hired = (AssistantHired) fixture.getEventStore().readEvents(ID).next().getPayload();
        assertThat(hired.regulatoryVersion()).isEqualTo("COLLECTIVE_2026");
        assertThat(hired.qualifiedBy()).isEqualTo(LocalDate.of(2028, 1, 2));
    }

    @Test
    void aGroupsAssistantIsNotTheDoctorsOwnNorSharedWithOtherContracts() {
        assertRule(hireForGroup("DOCTOR", List.of("CollectiveContract:g-1"), List.of()), "EMPLOYER_NOT_ALLOWED");
        assertRule(hireForGroup("SISA", List.of("CollectiveContract:g-1", "Contract:c-1"), List.of()),
                   "COLLECTIVE_CONTRACT_ALONE");
    }

    @Test
    void aNurseEmployedByTheGroupIsQualifiedAtHiring() {
        // §3b (S38): "sauf si déjà IDE, AS ou AP"
        fixture.givenNoPriorActivity()
               .when(hireForGroup("SISA", List.of("CollectiveContract:g-1"), List.of("DEI")))
               .expectSuccessfulHandlerExecution();
        AssistantHired hired = (AssistantHired) fixture.getEventStore().readEvents(ID).next().getPayload();
        assertThat(hired.qualifiedBy()).isNull();
    }

    private void assertRule(HireAssistantCommand command, String rule) {
        fixture = new AggregateTestFixture<>(Assistant.class);
        fixture.registerInjectableResource(Rulebooks.fixed(shipped));
        fixture.givenNoPriorActivity().when(command)
               .expectException(org.axonframework.test.matchers.Matchers.predicate(
                       e -> e instanceof BusinessRuleViolation v && rule.equals(v.rule())))
               .expectNoEvents();
    }
}
