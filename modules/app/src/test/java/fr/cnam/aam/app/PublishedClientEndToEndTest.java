package fr.cnam.aam.app;

import fr.cnam.aam.client.ApiClient;
import fr.cnam.aam.client.ApiException;
import fr.cnam.aam.client.api.AssessmentControllerApi;
import fr.cnam.aam.client.api.ContractControllerApi;
import fr.cnam.aam.client.api.FeedControllerApi;
import fr.cnam.aam.client.api.PaymentControllerApi;
import fr.cnam.aam.client.model.AssessmentRequest;
import fr.cnam.aam.client.model.FeedPage;
import fr.cnam.aam.client.model.OrderAnswerRequest;
import fr.cnam.aam.client.model.OrderRunRequest;
import fr.cnam.aam.client.model.RunResult;
import fr.cnam.aam.client.model.SignContractRequest;
import fr.cnam.aam.eventstore.MongoGlobalSequenceEventStorageEngine;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A caisse system as it would be built: a Java client generated from the committed docs/api/openapi.json (at build
 * time), tokens from the authorization server; the agent of caisse 131 signs a contract, the payment system orders
 * and answers its first payment, and both are followed through the feed.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class PublishedClientEndToEndTest {

    @LocalServerPort
    int port;
    @Autowired
    MongoGlobalSequenceEventStorageEngine store;

    private ApiClient as(String clientId) {
        String token = DemoTokens.clientCredentials("http://127.0.0.1:" + port, clientId);
        ApiClient client = new ApiClient();
        client.updateBaseUri("http://127.0.0.1:" + port);
        client.setRequestInterceptor(request -> request.header("Authorization", "Bearer " + token));
        return client;
    }

    @Test
    void signOrderAnswerAndFollowThemThroughTheFeed() throws Exception {
        long start = store.highestAllocatedIndex();
        ApiClient agent = as("cpam-131");
        ApiClient payments = as("payment-system");
        ApiClient auditor = as("auditor");
        String suffix = "client-" + UUID.randomUUID().toString().substring(0, 8);
        String rpps = Signatures.newRpps();

        new AssessmentControllerApi(agent).assess(new AssessmentRequest().assessmentId(suffix).rpps(rpps)
                .caisseCode("131").date(LocalDate.of(2023, 5, 15)).specialty("MEDECINE_GENERALE")
                .sector("SECTOR_1").mtPatients(1300).fileActive(2000).departement("13")
                .age(50));
        Map<String, String> signed = new ContractControllerApi(agent).sign(new SignContractRequest()
                .contractId(suffix).assessmentId(suffix).rpps(rpps).caisseCode("131").departement("13")
                .option("FULL_TIME")
                .activityBand("P50_P70")
                .initialMtPatients(1300).initialFileActive(2000).signedOn(LocalDate.of(2023, 6, 1)));
        String contract = signed.get("contractId");
        assertThat(contract).isEqualTo("Contract:" + suffix);
        // the agent may not run orders: the published client gets the 403 as an ApiException
        assertThatThrownBy(() -> new PaymentControllerApi(agent).run(new OrderRunRequest().caisseCode("131")))
                .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.getCode()).isEqualTo(403));

        // year 1 in full the month after signature: due 31 July 2023 (S33); the payment system orders and answers
        String order = "Order:" + suffix + ".Y1.1.1";
        RunResult run = org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(15)).until(
                () -> new PaymentControllerApi(payments).run(new OrderRunRequest().upTo(LocalDate.of(2023, 7, 31))
                                                                                  .caisseCode("131")),
                r -> r.getOrders().contains(order));
        assertThat(run.getOrders()).contains(order);
        Map<String, Object> answer = new PaymentControllerApi(payments).answer(order,
                new OrderAnswerRequest().status("paid").reference("VIR-" + suffix));
        assertThat(answer).containsEntry("status", "PAID");

        // the feed, as a downstream system reads it: signed, ordered, paid, in this order
        FeedControllerApi feed = new FeedControllerApi(auditor);
        List<Map<String, Object>> ours = new ArrayList<>();
        long cursor = start;
        long until = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (ours.size() < 3 && System.nanoTime() < until) {
            FeedPage page = feed.feed(cursor, 50, 2, "131");
            page.getEvents().stream().filter(e -> List.of(contract, order).contains(e.get("subject")))
                .forEach(ours::add);
            cursor = page.getNext();
        }
        assertThat(ours).extracting(e -> e.get("type")).containsExactly("fr.cnam.aam.contract.signed.v1",
                "fr.cnam.aam.payment.order-issued.v1", "fr.cnam.aam.payment.order-paid.v1");
        assertThat(ours.get(2).get("data")).asInstanceOf(org.assertj.core.api.InstanceOfAssertFactories.MAP)
                                           .containsEntry("amountCents", 3_600_000); // 36 000 € (S33, SEED-000)
    }
}
