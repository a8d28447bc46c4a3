package fr.cnam.aam.app.demo;

import fr.cnam.aam.kernel.Rpps;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * One demo doctor and the life the generator gives its contract, drawn from the seed and its number alone (the
 * same every run, so a run resumed after a kill sends the same requests): where and when it signs, which option,
 * its assistant, its activity (spread around its objectives), and whether it switches version, changes option,
 * is suspended or ends early. The shares are a demo's, loosely after S11 (uptake in 2021: 32 % 1/3 ETP, 49 %
 * 1/2 ETP, 19 % 1 ETP), not statistics.
 */
record DemoDoctor(int number, String id, String rpps, String caisse, String departement, String specialty,
                  LocalDate signedOn, String option, boolean priorityZone, int mtPatients, int fileActive,
                  boolean qualifiedAtHiring, boolean trainsInTime, double growth, LocalDate switchOn,
                  LocalDate amendOn, LocalDate suspendOn, LocalDate resumeOn, LocalDate terminateOn) {

    /** Caisse, its département, weight: several caisses of different sizes. */
    private static final String[][] CAISSES = {{"751", "75", "5"}, {"131", "13", "4"}, {"691", "69", "3"},
            {"331", "33", "3"}, {"591", "59", "3"}, {"061", "06", "2"}, {"351", "35", "2"}, {"971", "971", "1"}};
    // the specialties the rulebook can decide (regulation.md §1.2): GPs under every version, cardiologists under
    // Avenant 7 only (its file-active threshold; later versions publish none, so they are INDETERMINATE)
    private static final double CARDIOLOGISTS_UNDER_AV7 = 0.15;
    static final LocalDate FIRST_SIGNATURE = LocalDate.of(2019, 9, 2);
    /** 2023-05-01 and 2024-06-22: the versions' starts (regulation.md), for the option shares of each period. */
    private static final LocalDate RA_2023 = LocalDate.of(2023, 5, 1);

    static DemoDoctor of(long seed, int number, LocalDate lastSignature) {
        Random random = new Random(seed * 1_000_003L + number);
        String[] caisse = pick(random);
        long days = lastSignature.toEpochDay() - FIRST_SIGNATURE.toEpochDay();
        // more signatures in later years, as the scheme grew
        LocalDate signedOn = FIRST_SIGNATURE.plusDays((long) (days * Math.sqrt(random.nextDouble())));
        signedOn = signedOn.withDayOfMonth(Math.min(signedOn.getDayOfMonth(), 28));
        boolean cardiologist = random.nextDouble() < CARDIOLOGISTS_UNDER_AV7;
        double draw = random.nextDouble();
        String option;
        boolean zone = random.nextDouble() < 0.3;
        if (signedOn.isBefore(RA_2023)) {
            option = draw < 0.32 ? "ONE_THIRD_TIME" : draw < 0.81 ? "HALF_TIME" : "FULL_TIME";
            zone = zone || option.equals("FULL_TIME"); // Avenant 7: full time in a ZIP only
        } else {
            option = draw < 0.55 ? "HALF_TIME" : "FULL_TIME";
            cardiologist = false;
        }
        String specialty = cardiologist ? "CARDIOLOGIE" : "MEDECINE_GENERALE";
        String rpps = rppsOf(seed, number);
        int mt = 850 + random.nextInt(900);
        // the 1/3 ETP option is not open under the 2023 rules (S1): those contracts stay under Avenant 7
        LocalDate switchOn = signedOn.isBefore(RA_2023) && !option.equals("ONE_THIRD_TIME") && random.nextDouble() < 0.4
                ? LocalDate.of(2023, 6, 1).plusDays(random.nextInt(180)) : null;
        LocalDate amendOn = option.equals("HALF_TIME") && !signedOn.isBefore(RA_2023) && random.nextDouble() < 0.12
                ? signedOn.plusMonths(14 + random.nextInt(6)).withDayOfMonth(1) : null;
        LocalDate suspendOn = null;
        LocalDate resumeOn = null;
        if (random.nextDouble() < 0.1) {
            suspendOn = signedOn.plusMonths(6 + random.nextInt(30)).withDayOfMonth(1);
            resumeOn = random.nextDouble() < 0.85 ? suspendOn.plusMonths(2 + random.nextInt(4)) : null;
        }
        LocalDate terminateOn = random.nextDouble() < 0.07
                ? signedOn.plusMonths(12 + random.nextInt(36)).withDayOfMonth(1 + random.nextInt(27)) : null;
        if (terminateOn != null && resumeOn != null && !resumeOn.isBefore(terminateOn)) {
            resumeOn = null; // ended while suspended
        }
        int fileActive = cardiologist ? 1500 + random.nextInt(1500) : mt + 400 + random.nextInt(900);
        return new DemoDoctor(number, "demo-" + seed + "-" + number, rpps, caisse[0], caisse[1], specialty, signedOn,
                              option, zone, mt, fileActive, random.nextDouble() < 0.3,
                              random.nextDouble() < 0.85, random.nextGaussian() * 0.12 + 0.22, switchOn, amendOn,
                              suspendOn, resumeOn, terminateOn);
    }

    static String[] pick(Random random) {
        int total = 0;
        for (String[] caisse : CAISSES) {
            total += Integer.parseInt(caisse[2]);
        }
        int draw = random.nextInt(total);
        for (String[] caisse : CAISSES) {
            draw -= Integer.parseInt(caisse[2]);
            if (draw < 0) {
                return caisse;
            }
        }
        return CAISSES[0];
    }

    /** The demo RPPS of number {@code number}: distinct numbers give distinct RPPS (104 729 is prime). */
    static String rppsOf(long seed, int number) {
        String payload = String.format("%010d", 1_000_000_000L + Math.floorMod(seed * 7_919L + number * 104_729L,
                                                                               8_999_999_999L));
        return Rpps.withCheckDigit(payload).value();
    }

    static List<String> caisses() {
        List<String> codes = new ArrayList<>();
        for (String[] caisse : CAISSES) {
            codes.add(caisse[0]);
        }
        return codes;
    }

    String contractId() {
        return "Contract:" + id;
    }

    String assistantId() {
        return "Assistant:" + id;
    }

    /** Patients in contract year {@code year}: the growth reached by year 3, half of it in the years before. */
    int mtPatientsIn(int year) {
        double reached = year >= 3 ? growth : growth * year / 3;
        return Math.max(100, (int) Math.round(mtPatients * (1 + reached)));
    }

    int fileActiveIn(int year) {
        double reached = year >= 3 ? growth : growth * year / 3;
        return Math.max(100, (int) Math.round(fileActive * (1 + reached)));
    }
}
