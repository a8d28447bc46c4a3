package fr.cnam.aam.contracting.api;

/**
 * Everything that happens to a collective contract (COLLECTIVE_2026: one contract signed by a group's company for
 * its member GPs). Events hold strings, numbers, dates and lists of them only.
 */
public sealed interface CollectiveContractEvent permits CollectiveContractSigned, CollectiveMemberJoined,
        CollectiveMemberLeft, CollectiveEtpChanged, CollectiveObjectivesEvaluated, CollectiveContractTerminated,
        CollectiveContractTermReached, WaitingPeriodWaived {

    String collectiveContractId();
}
