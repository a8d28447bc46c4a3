package fr.cnam.aam.contracting.api;

import java.time.LocalDate;

/**
 * A member doctor as the group declares it on its membership form: who, practising how, with which patientèle
 * (médecin traitant, file active), installed since when, and whether a PAMSU hosting a docteur junior.
 */
public record CollectiveMember(String rpps, String specialty, String sector, boolean mep, int mtPatients,
                               int fileActive, LocalDate installedOn, boolean hostsDocteurJunior) {
}
