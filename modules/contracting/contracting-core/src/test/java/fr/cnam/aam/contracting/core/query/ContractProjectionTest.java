package fr.cnam.aam.contracting.core.query;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import fr.cnam.aam.contracting.api.ContractAmended;
import fr.cnam.aam.contracting.api.ContractObjective;
import fr.cnam.aam.contracting.api.ContractSigned;
import fr.cnam.aam.contracting.api.ContractView;
import fr.cnam.aam.contracting.api.FindContractQuery;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.data.mongodb.core.MongoTemplate;

import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The projection against a real wire-protocol server: redelivered and out-of-order events change nothing. */
class ContractProjectionTest {

    private MongoServer server;
    private MongoClient client;
    private MongoTemplate mongo;
    private ContractProjection projection;

    private static final String ID = "Contract:p-1";
    private static final ContractSigned SIGNED =
            new ContractSigned(ID, "10000000009", "751", "75", "FULL_TIME", LocalDate.of(2023, 6, 1), "Assessment:a",
                               "MEDECINE_GENERALE", "P70_P90", 1300, 2000, LocalDate.of(2023, 6, 1),
                               LocalDate.of(2028, 5, 31), "RA_2023", "test", 3,
                               List.of(new ContractObjective("MT_PATIENTS", 1300, 200, 1560, 1300, "p", "s",
                                                             "unverified")), false);
    private static final ContractAmended FIRST =
            new ContractAmended(ID, "AV-1", "FULL_TIME", "HALF_TIME", LocalDate.of(2024, 1, 1), null, "RA_2023",
                                "test");
    private static final ContractAmended SECOND =
            new ContractAmended(ID, "AV-2", "HALF_TIME", "FULL_TIME", LocalDate.of(2025, 1, 1), "back", "RA_2023",
                                "test");

    @BeforeEach
    void start() {
        server = new MongoServer(new MemoryBackend());
        client = MongoClients.create("mongodb://" + server.bindAndGetConnectionString().replace("mongodb://", ""));
        mongo = new MongoTemplate(client, "projection_test");
        projection = new ContractProjection(mongo);
    }

    @AfterEach
    void stop() {
        client.close();
        server.shutdownNow();
    }

    private Document stored() {
        return mongo.getCollection(ContractDocument.COLLECTION).find(new Document("_id", ID)).first();
    }

    @Test
    void buildsTheViewFromTheEvents() {
        projection.on(SIGNED, 0);
        projection.on(FIRST, 1);
        projection.on(SECOND, 2);
        ContractView view = projection.handle(new FindContractQuery(ID));
        assertThat(view.option()).isEqualTo("FULL_TIME");
        assertThat(view.avenants()).extracting(ContractView.Avenant::reference).containsExactly("AV-1", "AV-2");
        assertThat(view.version()).isEqualTo(2);
        assertThat(view.regulatoryVersion()).isEqualTo("RA_2023");
        assertThat(view.objectives()).extracting(ContractObjective::target).containsExactly(1560);
    }

    @Test
    void aRedeliveredOrOlderEventIsANoOp() {
        projection.on(SIGNED, 0);
        projection.on(FIRST, 1);
        Document afterFirst = stored();

        projection.on(FIRST, 1);
        projection.on(SIGNED, 0);
        assertThat(stored()).isEqualTo(afterFirst);

        projection.on(SECOND, 2);
        Document afterSecond = stored();
        projection.on(FIRST, 1);
        assertThat(stored()).isEqualTo(afterSecond);
        assertThat(projection.handle(new FindContractQuery(ID)).avenants()).hasSize(2);
    }

    @Test
    void resetEmptiesTheViews() {
        projection.on(SIGNED, 0);
        projection.reset();
        assertThat(projection.handle(new FindContractQuery(ID))).isNull();
    }
}
