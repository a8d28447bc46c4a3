package fr.cnam.aam.payments.api;

/** What happened to a contract (or its assistant) that changes what is due. */
public enum ChangeKind {
    HIRING_PROVEN, OPTION_CHANGED, VERSION_SWITCHED, REVALUED, SUSPENDED, RESUMED, OBJECTIVES_EVALUATED, RENEWED, TERMINATED
}
