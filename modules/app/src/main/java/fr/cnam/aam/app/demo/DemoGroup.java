package fr.cnam.aam.app.demo;

import fr.cnam.aam.regulation.RegulatoryVersion;
import fr.cnam.aam.regulation.Rulebook;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * A demo group of GPs under the collective aid (regulation.md §3b), drawn from the seed and its number like a
 * {@link DemoDoctor}: its company, its members (2 to 4, their patientèle averaging well above the threshold), the
 * ETP it finances (one fewer than its members), signed since the collective version began, an ETP avenant for some.
 */
record DemoGroup(int number, String id, String caisse, String departement, String structure, String company,
                 LocalDate signedOn, List<String> members, List<Integer> mtPatients, int etpPermille,
                 LocalDate avenantOn) {

    private static final String[] STRUCTURES = {"SCM", "SCP", "SISA"};

    /** One group for every this many doctors of the cohort. */
    static final int DOCTORS_PER_GROUP = 15;

    /** The group, or null when the collective aid had not begun by the last signature of the cohort. */
    static DemoGroup of(long seed, int number, int doctors, LocalDate lastSignature) {
        LocalDate start = Rulebook.shipped().startOf(RegulatoryVersion.COLLECTIVE_2026).plusDays(5);
        if (!lastSignature.isAfter(start)) {
            return null;
        }
        Random random = new Random(seed * 2_000_003L + number);
        String[] caisse = DemoDoctor.pick(random);
        LocalDate signedOn = start.plusDays(random.nextInt((int) (lastSignature.toEpochDay() - start.toEpochDay())));
        signedOn = signedOn.withDayOfMonth(Math.min(signedOn.getDayOfMonth(), 28));
        int size = 2 + random.nextInt(3);
        List<String> members = new ArrayList<>();
        List<Integer> mt = new ArrayList<>();
        for (int m = 1; m <= size; m++) {
            // numbered after the cohort's doctors, by the doctors' own formula: never one of theirs
            members.add(DemoDoctor.rppsOf(seed, doctors + 4 * (number - 1) + m));
            mt.add(850 + random.nextInt(500));
        }
        int etp = Math.max(1, size - 1) * 1000;
        LocalDate avenantOn = random.nextDouble() < 0.3 ? signedOn.plusMonths(4).withDayOfMonth(1) : null;
        String structure = STRUCTURES[random.nextInt(STRUCTURES.length)];
        String company = String.format("D%08d", Math.floorMod(seed * 7_919L + number, 100_000_000L));
        return new DemoGroup(number, "demo-" + seed + "-group-" + number, caisse[0], caisse[1], structure, company,
                             signedOn, List.copyOf(members), List.copyOf(mt), etp,
                             avenantOn != null && avenantOn.isBefore(lastSignature) ? avenantOn : null);
    }

    String contractId() {
        return "CollectiveContract:" + id;
    }

    String assistantId() {
        return "Assistant:" + id;
    }
}
