package fr.cnam.aam.app.simulation;

enum Sector {
    SECTOR_1, SECTOR_2_OPTAM, SECTOR_2_OPTAM_CO, SECTOR_2, SECTOR_3
}
