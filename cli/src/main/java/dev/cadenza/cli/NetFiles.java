package dev.cadenza.cli;

import dev.cadenza.petri.PetriNet;
import dev.cadenza.petri.io.PnmlReader;
import dev.cadenza.petri.io.TinaNetReader;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * Loads a net file, choosing the reader by the file's ending. A reader for another format
 * adds one line here.
 */
final class NetFiles {

    private NetFiles() {
    }

    static PetriNet load(Path file) {
        String name = file.getFileName() == null ? file.toString() : file.getFileName().toString();
        if (!Files.exists(file)) {
            throw new UserInputException(file + ": no such file");
        }
        if (Files.isDirectory(file)) {
            throw new UserInputException(file + ": is a directory; give a net file (.net or .pnml)");
        }
        String lower = name.toLowerCase(Locale.ROOT);
        if (lower.endsWith(".net")) {
            return TinaNetReader.read(file);
        }
        if (lower.endsWith(".pnml")) {
            return PnmlReader.read(file);
        }
        int dot = name.lastIndexOf('.');
        String ending = dot < 0 ? "no ending" : "ending " + name.substring(dot);
        throw new UserInputException(file + ": cannot tell the format of a file with " + ending
                + "; net files end in .net (TINA time Petri nets) or .pnml (PNML P/T nets)");
    }

    /**
     * A net too large for the timed engines, as one line placed where the file writes the
     * element (a .net; a .pnml names it without a position), with what would work instead.
     */
    static UserInputException tooLarge(Path file, dev.cadenza.petri.classes.NetTooLargeException e) {
        String problem = e.getMessage() + "; the untimed marking graph takes it (cadenza explore --untimed)";
        if (file.toString().toLowerCase(Locale.ROOT).endsWith(".net")) {
            return new UserInputException(TinaNetReader.placed(file, e.transition(), e.place(), problem).getMessage());
        }
        return new UserInputException(file + ": " + problem);
    }
}
