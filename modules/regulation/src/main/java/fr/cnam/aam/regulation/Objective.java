package fr.cnam.aam.regulation;

/**
 * What the doctor must reach on one criterion ({@code MT_PATIENTS} or {@code FILE_ACTIVE}): from {@code initial}
 * to {@code target}; {@code floor} is the least that still counts as kept when the objective is to maintain.
 */
public record Objective(String criterion, int initial, long increasePermille, int target, int floor, Reason rule) {

    /** How far the doctor went, 0–100: toward the target for an increase, above the floor for maintenance. */
    int achievementPercent(int achieved) {
        if (target <= initial) {
            return achieved >= floor ? 100 : (int) Math.max(0, (long) achieved * 100 / Math.max(1, floor));
        }
        long rate = (long) (achieved - initial) * 100 / (target - initial);
        return (int) Math.max(0, Math.min(100, rate));
    }
}
