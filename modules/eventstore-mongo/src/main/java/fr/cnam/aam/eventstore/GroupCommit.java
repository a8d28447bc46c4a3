package fr.cnam.aam.eventstore;

import java.util.concurrent.locks.Lock;

/**
 * Makes a write durable before it is answered, with one file commit for every write waiting at that moment (group
 * commit): the first writer to wait becomes the leader and commits for all who finished writing before it looked;
 * the others wait for that commit, or lead the next one. Under load one commit serves many writers, so durability
 * costs little throughput.
 * <p>
 * The commit runs while no write is in progress ({@code noWriteInProgress} excludes writers, not readers): the
 * store captures whole writes only, never half of one, so what a crash leaves is always a state some answered or
 * unanswered sequence of complete writes produced. The force to disk runs after, outside that lock.
 */
final class GroupCommit {

    /** The file operations: {@code commit} writes everything written so far, {@code force} syncs the file. */
    interface Store {
        void commit();

        void force();
    }

    private final Store store;
    private final Lock noWriteInProgress;
    private final boolean force;
    private long written;
    private long durable;
    private boolean committing;
    private long commits;

    GroupCommit(Store store, Lock noWriteInProgress, boolean force) {
        this.store = store;
        this.noWriteInProgress = noWriteInProgress;
        this.force = force;
    }

    /** Called by a writer once its write is applied, while it still excludes other writers: its ticket. */
    synchronized long written() {
        return ++written;
    }

    /** Returns once the write with this ticket is in the file (and on the disk when forcing). */
    void awaitDurable(long ticket) {
        synchronized (this) {
            while (durable < ticket && committing) {
                try {
                    wait();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException("interrupted while waiting for the store to commit", e);
                }
            }
            if (durable >= ticket) {
                return;
            }
            committing = true;
        }
        long target = -1;
        boolean done = false;
        try {
            noWriteInProgress.lock();
            try {
                synchronized (this) {
                    target = written;
                }
                store.commit();
            } finally {
                noWriteInProgress.unlock();
            }
            if (force) {
                store.force();
            }
            done = true;
        } finally {
            synchronized (this) {
                if (done) { // a failed commit makes nobody durable: each waiter tries again or fails
                    durable = Math.max(durable, target);
                    commits++;
                }
                committing = false;
                notifyAll();
            }
        }
    }

    /** How many file commits were made (a group commit serves several writes with one). */
    synchronized long commits() {
        return commits;
    }
}
