package fr.cnam.aam.payments.api;

import org.axonframework.serialization.Revision;

import java.time.LocalDate;
import java.util.List;

/**
 * A collective contract's payment schedule was planned: the aid of each of its {@code contractYears} years for the
 * ETP financed, as the contract recorded it; its lines follow as {@link PaymentLinePlanned}, paid to the company.
 */
@Revision("1")
public record CollectivePaymentSchedulePlanned(String scheduleId, String collectiveContractId, String caisseCode,
                                               LocalDate signedOn, String regulatoryVersion, int etpPermille,
                                               List<Long> aidByYearCents, int contractYears,
                                               String rulebookRevision) {
}
