/** Employment context: assistant aggregates and persistent deadlines. Skeleton until its issue is taken. */
package fr.cnam.aam.employment.core;
