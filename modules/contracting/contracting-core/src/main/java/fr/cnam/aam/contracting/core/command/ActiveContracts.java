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
    boolean reserve(String rpps, String contractId);

    void release(String rpps, String contractId);
}
