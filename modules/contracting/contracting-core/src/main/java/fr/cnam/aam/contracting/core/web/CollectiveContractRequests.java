package fr.cnam.aam.contracting.core.web;

import fr.cnam.aam.contracting.api.CollectiveMember;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/** The request bodies of the collective contract's API (one place: they share the member's shape). */
final class CollectiveContractRequests {

    private CollectiveContractRequests() {
    }

    /** A member as declared on the membership form. */
    record Member(@NotBlank @Pattern(regexp = "\\d{11}", message = "must be 11 digits") String rpps,
                  @NotBlank @Size(max = 64) String specialty,
                  @NotBlank @Pattern(regexp = "SECTOR_1|SECTOR_2_OPTAM|SECTOR_2_OPTAM_CO|SECTOR_2|SECTOR_3") String sector,
                  boolean mep,
                  @NotNull @Min(0) @Max(100_000) Integer mtPatients,
                  @NotNull @Min(0) @Max(100_000) Integer fileActive,
                  // a text, not a request date: a doctor installed long before the scheme began is a member too
                  @Pattern(regexp = "(19|20)\\d{2}-\\d{2}-\\d{2}", message = "a date YYYY-MM-DD")
                  String installedOn,
                  boolean hostsDocteurJunior) {

        CollectiveMember toMember() {
            LocalDate installed;
            try {
                installed = installedOn == null ? null : LocalDate.parse(installedOn);
            } catch (java.time.format.DateTimeParseException e) {
                throw new org.springframework.web.server.ResponseStatusException(
                        org.springframework.http.HttpStatus.BAD_REQUEST, "installedOn: a date YYYY-MM-DD");
            }
            return new CollectiveMember(rpps, specialty, sector, mep, mtPatients, fileActive, installed,
                                        hostsDocteurJunior);
        }
    }

    /**
     * {@code collectiveContractId} is optional (a client that supplies it can retry safely); {@code etp} the ETP
     * financed (e.g. 2 or 2.5); {@code companyIdentifier} the company's AM number (SCP, SCM) or FINESS (SISA).
     */
    record Sign(@Pattern(regexp = "(CollectiveContract:)?[A-Za-z0-9._-]{1,64}") String collectiveContractId,
                @NotBlank String caisseCode,
                @NotBlank String departement,
                @NotBlank @Pattern(regexp = "[A-Z]{2,8}") String structure,
                @NotBlank @Pattern(regexp = "[0-9A-Z]{9}", message = "9 characters: AM or FINESS number")
                String companyIdentifier,
                @NotNull LocalDate signedOn,
                @NotNull @DecimalMin("0.001") @Digits(integer = 3, fraction = 3) BigDecimal etp,
                boolean approvedTrainingSite,
                @NotEmpty @Size(max = 100) List<@Valid @NotNull Member> members) {
    }

    record Join(@NotNull @Valid Member member, @NotNull LocalDate joinedOn) {
    }

    record Leave(@NotNull LocalDate leftOn, @Size(max = 500) String reason) {
    }

    record Etp(@NotBlank @Size(max = 64) String avenantReference,
               @NotNull @DecimalMin("0.001") @Digits(integer = 3, fraction = 3) BigDecimal etp,
               @NotNull LocalDate effectiveOn) {
    }

    record Evaluation(@NotNull @Min(1) @Max(10) Integer contractYear, @NotNull LocalDate evaluatedOn,
                      @NotNull @Min(-100_000) @Max(100_000) Integer mtPatientsReached,
                      @NotNull @Min(-100_000) @Max(100_000) Integer fileActiveReached) {
    }

    record Termination(@NotBlank @Pattern(regexp = "GROUP|CAISSE") String by, @Size(max = 500) String reason,
                       @NotNull LocalDate notifiedOn) {
    }

    /** The caisse director's exception to a former member's waiting period, with the decision's reference. */
    record WaitingPeriodException(@NotBlank @Pattern(regexp = "[0-9]{11}") String rpps,
                                  @NotNull LocalDate decidedOn,
                                  @NotBlank @Size(max = 64) String decisionReference,
                                  @Size(max = 500) String reason) {
    }
}
