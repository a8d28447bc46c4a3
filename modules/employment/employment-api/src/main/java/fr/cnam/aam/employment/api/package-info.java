/** Employment context, published language: the assistant's hiring, qualification and deadlines. */
package fr.cnam.aam.employment.api;
