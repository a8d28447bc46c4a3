/**
 * Rulebooks as dated, sourced data and a pure rules engine: no Spring, no Axon (issue "Regulation as dated, sourced
 * data"). Skeleton until that issue is taken.
 */
package fr.cnam.aam.regulation;
