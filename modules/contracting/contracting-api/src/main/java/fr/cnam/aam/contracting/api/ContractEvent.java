package fr.cnam.aam.contracting.api;

/** Everything that happens to a contract. Events hold strings, numbers and dates only, so upcasting stays cheap. */
public sealed interface ContractEvent permits ContractSigned, ContractAmended, ContractSuspended, ContractResumed, ContractTerminated,
        AnnualActivityRecorded, ObjectivesEvaluated, RegulatoryVersionSwitched, ContractRevalued, ContractRenewed,
        SemestrialReviewHeld, ContractAnniversaryReached, ContractTermReached, ObjectivesAmended,
        SuspensionProposed, NonComplianceProcedureOpened {

    String contractId();
}
