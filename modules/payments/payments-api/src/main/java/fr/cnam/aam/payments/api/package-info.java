/** Payments context, published language: payment schedules and their lines. */
package fr.cnam.aam.payments.api;
