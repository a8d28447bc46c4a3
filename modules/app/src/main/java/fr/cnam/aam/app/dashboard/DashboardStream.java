package fr.cnam.aam.app.dashboard;

import jakarta.annotation.PreDestroy;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * The live stream of the dashboards (server-sent events): {@code figures} with the new generation each time the
 * figures change, a comment every 20 s to keep proxies from closing it. It says only that something changed, not
 * what: each page then asks for its own figures with its own token, under its own access rule. At most
 * {@code aam.dashboard.max-streams} at once and {@value #PER_CALLER} per caller (a stream holds a connection, not a
 * thread: one caller cannot take them all); a stream ends after 10 minutes and the page opens another. Sends run
 * on this class's own thread, never the reloader's: a client that does not read slows only the announcements.
 */
@Component
class DashboardStream {

    private static final long LIFETIME_MILLIS = 10 * 60 * 1000L;
    static final int PER_CALLER = 4;
    private final Map<SseEmitter, String> emitters = new ConcurrentHashMap<>();
    private final DashboardSnapshots snapshots;
    private final int maxStreams;
    private final ScheduledExecutorService heartbeat = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread thread = new Thread(r, "dashboard-heartbeat");
        thread.setDaemon(true);
        return thread;
    });

    DashboardStream(DashboardSnapshots snapshots, @Value("${aam.dashboard.max-streams:64}") int maxStreams) {
        this.snapshots = snapshots;
        this.maxStreams = maxStreams;
        snapshots.onChange(this::announce);
        heartbeat.scheduleWithFixedDelay(this::beat, 20, 20, TimeUnit.SECONDS);
    }

    synchronized SseEmitter open(String caller) {
        long mine = emitters.values().stream().filter(caller::equals).count();
        if (emitters.size() >= maxStreams || mine >= PER_CALLER) {
            throw new fr.cnam.aam.app.web.RequestRefused(HttpStatus.SERVICE_UNAVAILABLE, "STREAMS_EXHAUSTED",
                    "too many live dashboards open: the page falls back to reloading its figures");
        }
        SseEmitter emitter = new SseEmitter(LIFETIME_MILLIS);
        emitters.put(emitter, caller);
        emitter.onCompletion(() -> emitters.remove(emitter));
        emitter.onTimeout(() -> emitters.remove(emitter));
        emitter.onError(e -> emitters.remove(emitter));
        long generation = snapshots.current().generation();
        heartbeat.execute(() -> send(emitter, generation));
        return emitter;
    }

    private void announce(long generation) {
        heartbeat.execute(() -> emitters.keySet().forEach(emitter -> send(emitter, generation)));
    }

    private void send(SseEmitter emitter, long generation) {
        try {
            emitter.send(SseEmitter.event().name("figures").data(Map.of("generation", generation)));
        } catch (Exception gone) { // closed, timed out, or a client gone: it is dropped
            emitters.remove(emitter);
        }
    }

    private void beat() {
        for (SseEmitter emitter : emitters.keySet()) {
            try {
                emitter.send(SseEmitter.event().comment("keep-alive"));
            } catch (Exception gone) {
                emitters.remove(emitter);
            }
        }
    }

    @PreDestroy
    void stop() {
        heartbeat.shutdownNow();
        for (SseEmitter emitter : emitters.keySet()) {
            try {
                emitter.complete();
            } catch (RuntimeException alreadyGone) {
                // the container may have recycled the response first: nothing left to close
            }
        }
    }
}
