/** Eligibility context, published language: assessment commands, events and queries (issue "Eligibility and contracting"). */
package fr.cnam.aam.eligibility.api;
