/** Payments context, published language: schedules, payment orders, ledger queries. */
package fr.cnam.aam.payments.api;
