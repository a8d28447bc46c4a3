package fr.cnam.aam.regulation;

import java.util.Optional;

/** Where decisions get their rulebook: the revision in force now, or a named one to reproduce an earlier decision. */
public interface Rulebooks {

    Rulebook current();

    /** The rulebook that decides contracts of {@code kind} (the current one, unless it never knew that kind). */
    default Rulebook currentFor(RegulatoryVersion.Kind kind) {
        return current();
    }

    Optional<Rulebook> revision(String name);

    /** Always the one rulebook given: for tools and tests that decide under a known revision. */
    static Rulebooks fixed(Rulebook rulebook) {
        return new Rulebooks() {
            @Override
            public Rulebook current() {
                return rulebook;
            }

            @Override
            public Optional<Rulebook> revision(String name) {
                return Optional.of(rulebook).filter(r -> r.revision().equals(name));
            }
        };
    }
}
