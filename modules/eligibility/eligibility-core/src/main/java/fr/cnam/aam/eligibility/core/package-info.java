/** Eligibility context: eligibility assessments recorded as events, decided by the rulebook in force. */
package fr.cnam.aam.eligibility.core;
