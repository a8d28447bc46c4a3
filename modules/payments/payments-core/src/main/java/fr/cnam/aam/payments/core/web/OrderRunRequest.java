package fr.cnam.aam.payments.core.web;

import java.time.LocalDate;

/** Order what is due up to {@code upTo} (default: today), for one caisse or all. */
record OrderRunRequest(LocalDate upTo, String caisseCode) {
}
