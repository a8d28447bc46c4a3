package fr.cnam.aam.eventstore;

/**
 * The whole contract again with every tracking read taking the sequential path (gaps by key, then a cursor over
 * the rest), which a real replay takes when it is far behind the head.
 */
class EmbeddedServerSequentialReadTest extends EmbeddedServerEventStorageEngineTest {

    @Override
    protected int sequentialReadThreshold() {
        return -1;
    }
}
