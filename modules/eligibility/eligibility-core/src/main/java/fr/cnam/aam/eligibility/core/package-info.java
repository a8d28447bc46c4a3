/** Eligibility context: records eligibility assessments as events. Skeleton until its issue is taken. */
package fr.cnam.aam.eligibility.core;
