package dev.cadenza.verify.translate;

import dev.cadenza.petri.PetriNet;

/** A model subject (program or assembly) compiled to a time Petri net, with its back-map. */
public record TranslatedNet(String subject, PetriNet net, NetBackMap backMap) {
}
