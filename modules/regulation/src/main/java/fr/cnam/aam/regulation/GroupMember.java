package fr.cnam.aam.regulation;

import java.time.LocalDate;

/**
 * A doctor named in a collective contract: who, practising how, with which patientèle (médecin traitant and file
 * active), installed since when, and whether a PAMSU hosting a docteur junior.
 */
public record GroupMember(String rpps, String specialty, String sector, boolean mep, int mtPatients, int fileActive,
                          LocalDate installedOn, boolean hostsDocteurJunior) {
}
