package fr.cnam.aam.eventstore;

import com.mongodb.client.MongoClient;
import org.bson.Document;

/** Whether appends run in a multi-document transaction; AUTO asks the server whether it can. */
public enum TransactionMode {
    AUTO, ON, OFF;

    boolean resolve(MongoClient client) {
        return switch (this) {
            case ON -> true;
            case OFF -> false;
            case AUTO -> serverSupportsTransactions(client);
        };
    }

    /** Transactions need a replica set or a sharded cluster; a standalone server (or the embedded one) has none. */
    static boolean serverSupportsTransactions(MongoClient client) {
        Document hello = client.getDatabase("admin").runCommand(new Document("isMaster", 1));
        boolean replicaSet = hello.containsKey("setName");
        boolean sharded = "isdbgrid".equals(hello.getString("msg"));
        return (replicaSet || sharded) && hello.get("logicalSessionTimeoutMinutes") != null;
    }
}
