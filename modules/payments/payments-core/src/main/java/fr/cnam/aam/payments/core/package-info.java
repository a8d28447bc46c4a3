/** Payments context: payment schedules planned by the rulebook from contracting and employment events. */
package fr.cnam.aam.payments.core;
