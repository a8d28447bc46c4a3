package fr.cnam.aam.app;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The app as README runs it (file store in a data directory), in a child JVM, under a load of assessments,
 * signatures and order runs from six clients, killed with SIGKILL in the middle — three times. After each restart,
 * every request that had been answered 2xx is there: the assessment and the contract read back, the orders of an
 * answered run in their contract's ledger, and the same request sent again with its {@code Idempotency-Key} gets
 * the same answer.
 */
class CrashRecoveryTest {

    private static final int CLIENTS = 6;
    private static final int KILLS = 3;

    /** A request the app answered 2xx: what was sent and what came back. */
    record Acknowledged(String path, String key, String body, int status, String answer, String readBack) {
    }

    @TempDir
    Path data;

    private Process app;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @AfterEach
    void stopApp() {
        if (app != null) {
            app.destroyForcibly();
        }
    }

    /** The app's arguments for its store: none (the embedded file store, as README runs it) or a MongoDB URI. */
    private List<String> storeArguments = List.of();

    @Test
    void everyAcknowledgedWriteSurvivesSigkill() throws Exception {
        killUnderLoadAndCheck();
    }

    @Test
    void everyAcknowledgedWriteSurvivesSigkillOnAMongoReplicaSet() throws Exception {
        boolean docker = org.testcontainers.DockerClientFactory.instance().isDockerAvailable();
        if (!docker) {
            System.out.println("SKIPPED CrashRecoveryTest on mongo:7: no Docker engine on this machine "
                               + "(the embedded-store run still ran).");
        }
        org.junit.jupiter.api.Assumptions.assumeTrue(docker, "no Docker engine: mongo:7 crash run skipped");
        try (org.testcontainers.containers.MongoDBContainer mongo =
                     new org.testcontainers.containers.MongoDBContainer("mongo:7")) {
            mongo.start();
            storeArguments = List.of("--spring.data.mongodb.uri=" + mongo.getReplicaSetUrl("aam_crash"));
            killUnderLoadAndCheck();
        }
    }

    private void killUnderLoadAndCheck() throws Exception {
        List<Acknowledged> acknowledged = new CopyOnWriteArrayList<>();
        int port = freePort();
        for (int round = 0; round < KILLS; round++) {
            long t0 = System.nanoTime();
            app = start(port, round);
            long t1 = System.nanoTime();
            if (round > 0) {
                assertEverythingAcknowledgedIsThere(port, acknowledged);
            }
            System.out.printf("CrashRecoveryTest round %d: started in %.1f s, %d acknowledged checked in %.1f s%n",
                              round, (t1 - t0) / 1e9, acknowledged.size(), (System.nanoTime() - t1) / 1e9);
            int before = acknowledged.size();
            load(port, round, acknowledged, Duration.ofSeconds(4));
            assertThat(acknowledged.size()).as("answers acknowledged in round " + round).isGreaterThan(before);
            app.destroyForcibly(); // SIGKILL: no shutdown hook, no clean close of the store
            assertThat(app.waitFor(30, TimeUnit.SECONDS)).isTrue();
            assertThat(app.exitValue()).isEqualTo(137);
        }
        app = start(port, KILLS);
        assertEverythingAcknowledgedIsThere(port, acknowledged);
    }

    private void load(int port, int round, List<Acknowledged> acknowledged, Duration lasting) throws Exception {
        AtomicBoolean going = new AtomicBoolean(true);
        ExecutorService clients = Executors.newFixedThreadPool(CLIENTS);
        for (int c = 0; c < CLIENTS; c++) {
            int client = c;
            clients.submit(() -> {
                for (int n = 0; going.get(); n++) {
                    String id = "crash-r" + round + "-c" + client + "-" + n;
                    String rpps = Signatures.newRpps();
                    post(port, "/api/v1/eligibility/assessments", "{\"assessmentId\":\"" + id + "\",\"rpps\":\""
                         + rpps + "\",\"caisseCode\":\"751\",\"date\":\"2023-05-15\",\"specialty\":"
                         + "\"MEDECINE_GENERALE\",\"sector\":\"SECTOR_1\",\"mtPatients\":1300,\"fileActive\":2000,"
                         + "\"departement\":\"75\",\"age\":50}",
                         "/api/v1/eligibility/assessments/Assessment:" + id, acknowledged);
                    post(port, "/api/v1/contracts", "{\"contractId\":\"" + id + "\",\"assessmentId\":\"" + id
                         + "\",\"rpps\":\"" + rpps + "\",\"caisseCode\":\"751\",\"departement\":\"75\","
                         + "\"option\":\"FULL_TIME\",\"activityBand\":\"P70_P90\",\"initialMtPatients\":1300,"
                         + "\"initialFileActive\":2000,\"signedOn\":\"2023-06-01\"}",
                         "/api/v1/contracts/Contract:" + id, acknowledged);
                    if (n % 3 == 2) {
                        post(port, "/api/v1/payments/order-runs", "{\"upTo\":\"2023-07-31\",\"caisseCode\":\"751\"}",
                             null, acknowledged);
                    }
                }
                return null;
            });
        }
        Thread.sleep(lasting.toMillis());
        // the kill comes while the clients are still sending
        going.set(false);
        clients.shutdownNow();
    }

    private void post(int port, String path, String body, String readBack, List<Acknowledged> acknowledged) {
        String key = "key-" + System.nanoTime() + "-" + Thread.currentThread().getId();
        try {
            HttpResponse<String> answer = http.send(request(port, path, key, body), HttpResponse.BodyHandlers.ofString());
            if (answer.statusCode() / 100 == 2) {
                acknowledged.add(new Acknowledged(path, key, body, answer.statusCode(), answer.body(), readBack));
            }
        } catch (IOException | InterruptedException e) {
            // the app was killed under this request: it was never acknowledged
        }
    }

    private void assertEverythingAcknowledgedIsThere(int port, List<Acknowledged> acknowledged) throws Exception {
        ExecutorService checkers = Executors.newFixedThreadPool(4);
        List<java.util.concurrent.Future<?>> checks = new ArrayList<>();
        for (Acknowledged ack : acknowledged) {
            checks.add(checkers.submit(() -> {
                HttpResponse<String> again = http.send(request(port, ack.path(), ack.key(), ack.body()),
                                                       HttpResponse.BodyHandlers.ofString());
                assertThat(again.statusCode()).as("retry of " + ack).isEqualTo(ack.status());
                assertThat(again.body()).as("retry of " + ack).isEqualTo(ack.answer());
                assertThat(again.headers().firstValue("Idempotent-Replay")).as("retry of " + ack).hasValue("true");
                if (ack.readBack() != null) {
                    // views are projections: after a restart they catch up from their stored tokens
                    await("read back " + ack).atMost(Duration.ofSeconds(30))
                                             .until(() -> get(port, ack.readBack()).statusCode() == 200);
                }
                return null;
            }));
        }
        try {
            for (java.util.concurrent.Future<?> check : checks) {
                try {
                    check.get();
                } catch (java.util.concurrent.ExecutionException e) {
                    if (e.getCause() instanceof AssertionError failed) {
                        throw failed;
                    }
                    throw e;
                }
            }
        } finally {
            checkers.shutdownNow();
        }
        // the orders of every answered run are in their contracts' ledgers (a projection: it catches up)
        Pattern order = Pattern.compile("\"(Order:([^\".]+)\\.Y[^\"]+)\"");
        java.util.Map<String, java.util.Set<String>> ordersByContract = new java.util.TreeMap<>();
        for (Acknowledged ack : acknowledged) {
            if (ack.path().endsWith("/order-runs")) {
                Matcher m = order.matcher(ack.answer());
                while (m.find()) {
                    ordersByContract.computeIfAbsent("Contract:" + m.group(2), k -> new java.util.TreeSet<>())
                                    .add(m.group(1));
                }
            }
        }
        assertThat(ordersByContract).as("orders in the answered runs").isNotEmpty();
        for (var contract : ordersByContract.entrySet()) {
            String ledger = "/api/v1/payments/contracts/" + contract.getKey();
            await("orders of " + contract.getKey()).atMost(Duration.ofSeconds(30)).until(() -> {
                String body = get(port, ledger).body();
                return contract.getValue().stream().allMatch(body::contains);
            });
        }
    }

    /** Tokens from the running child's demo authorization server: its key is new at each start. */
    private volatile String agentToken;
    private volatile String paymentToken;

    private void fetchTokens(int port) {
        agentToken = DemoTokens.clientCredentials("http://127.0.0.1:" + port, "cpam-751");
        paymentToken = DemoTokens.clientCredentials("http://127.0.0.1:" + port, "payment-system");
    }

    private HttpRequest request(int port, String path, String key, String body) {
        return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                          .timeout(Duration.ofSeconds(30))
                          .header("Authorization", "Bearer " + (path.startsWith("/api/v1/payments/order-runs")
                                                                 ? paymentToken : agentToken))
                          .header("Content-Type", "application/json")
                          .header("Idempotency-Key", key)
                          .POST(HttpRequest.BodyPublishers.ofString(body)).build();
    }

    private HttpResponse<String> get(int port, String path) throws IOException, InterruptedException {
        HttpRequest.Builder get = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                                             .timeout(Duration.ofSeconds(30)).GET();
        if (agentToken != null && path.startsWith("/api/")) {
            get.header("Authorization", "Bearer " + agentToken);
        }
        return http.send(get.build(),
                         HttpResponse.BodyHandlers.ofString());
    }

    /** The app in a child JVM, on the test's class path, on the data directory, with the file store as README's. */
    private Process start(int port, int round) throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> command = new ArrayList<>(List.of(java, "-Xmx768m", "-XX:TieredStopAtLevel=1",
                "-cp", System.getProperty("java.class.path"), AamApplication.class.getName(),
                "--server.port=" + port,
                "--aam.store.embedded.backend=file",
                "--aam.store.embedded.directory=" + data.resolve("store"),
                "--aam.calendar.enabled=false",
                "--aam.store.embedded.durability=" + System.getProperty("crash.durability", "SYNC"),
                "--logging.level.root=WARN"));
        command.addAll(storeArguments);
        Process process = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(data.resolve("app-" + round + ".log").toFile())
                .start();
        await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(500)).until(() -> {
            assertThat(process.isAlive()).as("app started (see " + data.resolve("app-" + round + ".log") + ")")
                                         .isTrue();
            try {
                return get(port, "/actuator/health").statusCode() == 200;
            } catch (IOException e) {
                return false;
            }
        });
        fetchTokens(port);
        return process;
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
