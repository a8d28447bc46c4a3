/** Employment context, published language: the assistant's hiring, qualification, absences and departure. */
package fr.cnam.aam.employment.api;
