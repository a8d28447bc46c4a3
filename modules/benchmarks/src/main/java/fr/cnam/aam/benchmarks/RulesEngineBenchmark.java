package fr.cnam.aam.benchmarks;

import fr.cnam.aam.regulation.AidRequest;
import fr.cnam.aam.regulation.AidRules;
import fr.cnam.aam.regulation.DoctorProfile;
import fr.cnam.aam.regulation.EligibilityRules;
import fr.cnam.aam.regulation.ObjectiveRules;
import fr.cnam.aam.regulation.RegulatoryVersion;
import fr.cnam.aam.regulation.Rulebook;

import java.time.LocalDate;
import java.util.Locale;
import java.util.Map;

/**
 * One thread evaluating eligibility, objectives and aid amounts, together and one kind at a time, on profiles
 * and dates that vary across the three versions. Usage:
 * {@code java -cp modules/benchmarks/target/benchmarks-exec.jar -Dloader.main=fr.cnam.aam.benchmarks.RulesEngineBenchmark org.springframework.boot.loader.launch.PropertiesLauncher [seconds]}.
 */
public final class RulesEngineBenchmark {

    private static final String[] OPTIONS = {"HALF_TIME", "FULL_TIME"};
    private static final String[] BANDS = {"P30_P50", "P50_P70", "P70_P90", "P90_P95", "ABOVE_P95"};
    private static final LocalDate[] DATES = {LocalDate.of(2020, 3, 1), LocalDate.of(2023, 6, 1),
                                              LocalDate.of(2024, 9, 1)};

    private RulesEngineBenchmark() {
    }

    public static void main(String[] args) {
        int seconds = args.length > 0 ? Integer.parseInt(args[0]) : 10;
        Rulebook rulebook = Rulebook.shipped();
        run(rulebook, Math.max(1, seconds / 2), "warm-up", Kind.COMBINED);
        for (Kind kind : Kind.values()) {
            run(rulebook, seconds, kind.label, kind);
        }
    }

    private enum Kind {
        COMBINED("eligibility + objectives + one year's aid"),
        ELIGIBILITY("eligibility"),
        OBJECTIVES("objectives"),
        AMOUNT("one year's aid"),
        FULL_SIMULATION("5-year aid simulation with payment calendar");

        final String label;

        Kind(String label) {
            this.label = label;
        }
    }

    private static long once(Rulebook rulebook, Kind kind, int k) {
        LocalDate date = DATES[k % DATES.length];
        String option = OPTIONS[k % OPTIONS.length];
        String band = BANDS[k % BANDS.length];
        long checksum = 0;
        if (kind == Kind.COMBINED || kind == Kind.ELIGIBILITY) {
            DoctorProfile doctor = new DoctorProfile("MEDECINE_GENERALE", "SECTOR_1", 600 + k % 400, 1500, 10, "75",
                    k % 2 == 0, true, true, false, false, false, null, 40 + k % 30);
            checksum += EligibilityRules.assess(doctor, date, rulebook).status().ordinal();
        }
        if (kind == Kind.COMBINED || kind == Kind.OBJECTIVES) {
            RegulatoryVersion version = rulebook.versionOn(date);
            checksum += ObjectiveRules.objectives(version, date, "MEDECINE_GENERALE", option, band,
                    Map.of("MT_PATIENTS", 1000 + k % 500, "FILE_ACTIVE", 2000), 40 + k % 30, rulebook)
                                     .objectives().get(0).target();
        }
        if (kind == Kind.COMBINED || kind == Kind.AMOUNT) {
            checksum += AidRules.aidForYear(new AidRequest(date, null, option, band, null, 238_800L), 1 + k % 5,
                                            rulebook).aidCents();
        }
        if (kind == Kind.FULL_SIMULATION) {
            checksum += AidRules.simulate(new AidRequest(date, null, option, band, null, 238_800L), rulebook)
                                .years().get(2).aidCents();
        }
        return checksum;
    }

    private static void run(Rulebook rulebook, int seconds, String label, Kind kind) {
        long end = System.nanoTime() + seconds * 1_000_000_000L;
        long iterations = 0;
        long checksum = 0;
        long start = System.nanoTime();
        while (System.nanoTime() < end) {
            for (int i = 0; i < 1000; i++) {
                checksum += once(rulebook, kind, (int) (iterations + i));
            }
            iterations += 1000;
        }
        double elapsed = (System.nanoTime() - start) / 1e9;
        System.out.printf(Locale.ROOT, "%s: %,d in %.1f s = %,.0f per second on one thread (checksum %d)%n",
                          label, iterations, elapsed, iterations / elapsed, checksum);
    }
}
