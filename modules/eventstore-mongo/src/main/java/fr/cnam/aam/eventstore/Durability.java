package fr.cnam.aam.eventstore;

/** When the embedded file store answers a write. */
public enum Durability {
    /** Once the write is in the file and the file is forced to the disk: survives a process kill and a power loss. */
    SYNC,
    /** Once the write is in the file (the operating system's cache): survives a process kill, not a power loss. */
    WRITE,
    /**
     * Before the write reaches the file; a background writer commits every few hundred milliseconds. A process
     * kill loses what was answered since. Kept only as the baseline of the benchmarks.
     */
    DELAYED
}
