package fr.cnam.aam.regulation;

import java.util.Optional;

/** Where decisions get their rulebook: the revision in force now, or a named one to reproduce an earlier decision. */
public interface Rulebooks {

    Rulebook current();

    Optional<Rulebook> revision(String name);
}
