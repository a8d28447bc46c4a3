package fr.cnam.aam.app.feed;

import fr.cnam.aam.contracting.api.CollectiveContractSigned;
import fr.cnam.aam.contracting.api.CollectiveContractTermReached;
import fr.cnam.aam.contracting.api.CollectiveContractTerminated;
import fr.cnam.aam.contracting.api.CollectiveEtpChanged;
import fr.cnam.aam.contracting.api.CollectiveMemberJoined;
import fr.cnam.aam.contracting.api.CollectiveMemberLeft;
import fr.cnam.aam.contracting.api.CollectiveObjectivesEvaluated;
import fr.cnam.aam.contracting.api.ContractAmended;
import fr.cnam.aam.contracting.api.ContractRenewed;
import fr.cnam.aam.contracting.api.ContractResumed;
import fr.cnam.aam.contracting.api.ContractRevalued;
import fr.cnam.aam.contracting.api.ContractSigned;
import fr.cnam.aam.contracting.api.ContractSuspended;
import fr.cnam.aam.contracting.api.ContractTerminated;
import fr.cnam.aam.contracting.api.ObjectivesEvaluated;
import fr.cnam.aam.contracting.api.RegulatoryVersionSwitched;
import fr.cnam.aam.contracting.api.WaitingPeriodWaived;
import fr.cnam.aam.employment.api.AssistantHired;
import fr.cnam.aam.employment.api.AssistantLeft;
import fr.cnam.aam.employment.api.HiringProofSubmitted;
import fr.cnam.aam.payments.api.PaymentIds;
import fr.cnam.aam.payments.api.PaymentOrderIssued;
import fr.cnam.aam.payments.api.PaymentOrderPaid;
import fr.cnam.aam.payments.api.PaymentOrderRejected;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The integration events: what other caisse systems may build on (docs/api/events.md). Every other event stays
 * internal — its shape may change with the code. Adding a type here is publishing a contract.
 */
final class PublishedEvents {

    private static final String PREFIX = "fr.cnam.aam.";
    private static final List<PublishedEvent<?>> ALL = List.of(
            PublishedEvent.of(PREFIX + "contract.signed.v1", "contracting", ContractSigned.class,
                              ContractSigned::contractId, ContractSigned::contractId)
                          .withCaisse(ContractSigned::caisseCode),
            PublishedEvent.of(PREFIX + "contract.amended.v1", "contracting", ContractAmended.class,
                              ContractAmended::contractId, ContractAmended::contractId),
            PublishedEvent.of(PREFIX + "contract.suspended.v1", "contracting", ContractSuspended.class,
                              ContractSuspended::contractId, ContractSuspended::contractId),
            PublishedEvent.of(PREFIX + "contract.resumed.v1", "contracting", ContractResumed.class,
                              ContractResumed::contractId, ContractResumed::contractId),
            PublishedEvent.of(PREFIX + "contract.terminated.v1", "contracting", ContractTerminated.class,
                              ContractTerminated::contractId, ContractTerminated::contractId),
            PublishedEvent.of(PREFIX + "contract.renewed.v1", "contracting", ContractRenewed.class,
                              ContractRenewed::contractId, ContractRenewed::contractId),
            PublishedEvent.of(PREFIX + "contract.version-switched.v1", "contracting",
                              RegulatoryVersionSwitched.class, RegulatoryVersionSwitched::contractId,
                              RegulatoryVersionSwitched::contractId),
            PublishedEvent.of(PREFIX + "contract.revalued.v1", "contracting", ContractRevalued.class,
                              ContractRevalued::contractId, ContractRevalued::contractId),
            PublishedEvent.of(PREFIX + "contract.objectives-evaluated.v1", "contracting", ObjectivesEvaluated.class,
                              ObjectivesEvaluated::contractId, ObjectivesEvaluated::contractId),
            PublishedEvent.of(PREFIX + "collective-contract.signed.v1", "contracting",
                              CollectiveContractSigned.class,
                              CollectiveContractSigned::collectiveContractId,
                              CollectiveContractSigned::collectiveContractId)
                          .withCaisse(CollectiveContractSigned::caisseCode),
            PublishedEvent.of(PREFIX + "collective-contract.member-joined.v1", "contracting",
                              CollectiveMemberJoined.class,
                              CollectiveMemberJoined::collectiveContractId,
                              CollectiveMemberJoined::collectiveContractId),
            PublishedEvent.of(PREFIX + "collective-contract.member-left.v1", "contracting",
                              CollectiveMemberLeft.class,
                              CollectiveMemberLeft::collectiveContractId,
                              CollectiveMemberLeft::collectiveContractId),
            PublishedEvent.of(PREFIX + "collective-contract.etp-changed.v1", "contracting",
                              CollectiveEtpChanged.class,
                              CollectiveEtpChanged::collectiveContractId,
                              CollectiveEtpChanged::collectiveContractId),
            PublishedEvent.of(PREFIX + "collective-contract.objectives-evaluated.v1", "contracting",
                              CollectiveObjectivesEvaluated.class,
                              CollectiveObjectivesEvaluated::collectiveContractId,
                              CollectiveObjectivesEvaluated::collectiveContractId),
            PublishedEvent.of(PREFIX + "collective-contract.terminated.v1", "contracting",
                              CollectiveContractTerminated.class,
                              CollectiveContractTerminated::collectiveContractId,
                              CollectiveContractTerminated::collectiveContractId),
            PublishedEvent.of(PREFIX + "collective-contract.term-reached.v1", "contracting",
                              CollectiveContractTermReached.class,
                              CollectiveContractTermReached::collectiveContractId,
                              CollectiveContractTermReached::collectiveContractId),
            PublishedEvent.of(PREFIX + "collective-contract.waiting-period-waived.v1", "contracting",
                              WaitingPeriodWaived.class,
                              WaitingPeriodWaived::collectiveContractId,
                              WaitingPeriodWaived::collectiveContractId),
            PublishedEvent.of(PREFIX + "assistant.hired.v1", "employment", AssistantHired.class,
                              AssistantHired::assistantId, e -> first(e.contractIds()))
                          .withCaisse(AssistantHired::caisseCode),
            PublishedEvent.of(PREFIX + "assistant.hiring-proven.v1", "employment", HiringProofSubmitted.class,
                              HiringProofSubmitted::assistantId, e -> first(e.contractIds())),
            PublishedEvent.of(PREFIX + "assistant.left.v1", "employment", AssistantLeft.class,
                              AssistantLeft::assistantId, e -> first(e.contractIds())),
            PublishedEvent.of(PREFIX + "payment.order-issued.v1", "payments", PaymentOrderIssued.class,
                              PaymentOrderIssued::orderId, PaymentOrderIssued::contractId)
                          .withCaisse(PaymentOrderIssued::caisseCode),
            PublishedEvent.of(PREFIX + "payment.order-paid.v1", "payments", PaymentOrderPaid.class,
                              PaymentOrderPaid::orderId, e -> contractOfSchedule(e.scheduleId())),
            PublishedEvent.of(PREFIX + "payment.order-rejected.v1", "payments", PaymentOrderRejected.class,
                              PaymentOrderRejected::orderId, e -> contractOfSchedule(e.scheduleId())));
    private static final Map<String, PublishedEvent<?>> BY_PAYLOAD = new LinkedHashMap<>();

    static {
        ALL.forEach(p -> BY_PAYLOAD.put(p.payload().getName(), p));
    }

    private PublishedEvents() {
    }

    /** The published type of a stored payload type, or null: an internal event. */
    static PublishedEvent<?> ofPayloadType(String payloadType) {
        return BY_PAYLOAD.get(payloadType);
    }

    static List<PublishedEvent<?>> all() {
        return ALL;
    }

    private static String first(List<String> ids) {
        return ids == null || ids.isEmpty() ? null : ids.get(0);
    }

    private static String contractOfSchedule(String scheduleId) {
        return scheduleId == null ? null : PaymentIds.contractOfSchedule(scheduleId);
    }
}
