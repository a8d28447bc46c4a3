/** Payments context: payment schedules and orders. Skeleton until its issue is taken. */
package fr.cnam.aam.payments.core;
