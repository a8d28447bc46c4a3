/** Eligibility context, published language: the assessment command, its event and query. */
package fr.cnam.aam.eligibility.api;
