package fr.cnam.aam.contracting.core.command;

/**
 * One active contract per doctor. The reservation is taken by the signature's command handler before its event is
 * stored (and given back if the signature fails), and released once a termination is stored: a command-side table,
 * not a projection, so replays leave it alone.
 */
public interface ActiveContracts {

    /**
     * Reserves the doctor for this contract; fails with SECOND_ACTIVE_CONTRACT if another one holds it.
     *
     * @return whether this call took the reservation (false: this contract held it already)
     */
    default boolean reserve(String rpps, String contractId) {
        return reserve(rpps, contractId, null);
    }

    /**
     * As {@link #reserve(String, String)} on {@code on}: a doctor held by a waiting period (after a collective
     * contract) is free again from its end — before it, WAITING_PERIOD.
     */
    boolean reserve(String rpps, String contractId, java.time.LocalDate on);

    void release(String rpps, String contractId);

    /**
     * Keeps the doctor reserved by this contract until {@code until} (exclusive), then free for another: after a
     * collective contract's end, its waiting period ({@code waitingPeriod}, refused as WAITING_PERIOD); after a
     * member leaves, the day after ({@code false}, refused as SECOND_ACTIVE_CONTRACT meanwhile).
     */
    void holdUntil(String rpps, String contractId, java.time.LocalDate until, boolean waitingPeriod);
}
