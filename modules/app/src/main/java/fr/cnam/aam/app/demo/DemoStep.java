package fr.cnam.aam.app.demo;

import java.time.LocalDate;

/** One request of a demo doctor's life, on its business date, for its caisse, with its idempotency key. */
record DemoStep(LocalDate on, String caisse, String path, String key, String json) {

    void send(DemoApi api) {
        api.post(caisse, path, key, json);
    }
}
