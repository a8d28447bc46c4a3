'use strict';
// French labels of the codes the API returns (the API keeps the codes: they are its contract)
const Labels = {
  version: {AV7_2019: 'Avenant 7 (2019)', RA_2023: 'Règlement arbitral (2023)', CONV_2024: 'Convention 2024',
            COLLECTIVE_2026: 'Aide collective (2026)'},
  option: {ONE_THIRD_TIME: '1/3 ETP', HALF_TIME: '1/2 ETP', FULL_TIME: '1 ETP', ONE_AND_HALF_TIME: '1,5 ETP',
           TWO_FULL_TIME: '2 ETP', COLLECTIVE: 'Aide collective'},
  status: {ACTIVE: 'En cours', SUSPENDED: 'Suspendu', TERMINATED: 'Résilié', TERM_REACHED: 'Arrivé à terme',
           OPEN: 'Ouverte', MET: 'Respectée', MET_LATE: 'Respectée en retard', MISSED: 'Dépassée'},
  specialty: {MEDECINE_GENERALE: 'Médecine générale', CARDIOLOGIE: 'Cardiologie', PEDIATRIE: 'Pédiatrie',
              PSYCHIATRIE: 'Psychiatrie', GYNECOLOGIE: 'Gynécologie', OPHTALMOLOGIE: 'Ophtalmologie'},
  kind: {ADVANCE: 'Avance', BALANCE: 'Solde', AT_ANNIVERSARY: 'Anniversaire', COMPLEMENT: 'Complément',
         RECOVERY: 'Récupération'},
  filter: {status: 'Statut', version: 'Version', option: 'Option', specialty: 'Spécialité', kind: 'Nature'},
  deadline: {hiringProof: "Justificatif d'embauche", trainingStart: 'Entrée en formation',
             qualification: 'Qualification', secretaryReplacement: 'Remplacement du secrétariat'},
  of(kind, code) {
    return code === null || code === undefined ? '' : (this[kind] && this[kind][code]) || code;
  }
};
