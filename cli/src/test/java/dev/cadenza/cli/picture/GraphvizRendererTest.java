package dev.cadenza.cli.picture;

import dev.cadenza.cli.UserInputException;
import dev.cadenza.core.model.Model;
import dev.cadenza.petri.Arc;
import dev.cadenza.petri.PetriNet;
import dev.cadenza.petri.TimeInterval;
import guru.nidi.graphviz.model.MutableGraph;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Real layouts with each engine: the bundled one everywhere, the system's dot where installed
 * (CI installs it, see .ci/run). The setting is the system property {@code cadenza.layout}.
 */
class GraphvizRendererTest {

    private static final byte[] PNG_MAGIC = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'};

    @TempDir
    Path dir;

    private final Model model = Fixtures.serverClient();

    @Nested
    class Bundled extends Layouts {
        @BeforeEach
        void useIt() {
            System.setProperty("cadenza.layout", "bundled");
        }

        @Test
        void saysItIsTheBundledOne() {
            assertTrue(LayoutEngine.chosen() instanceof BundledVizJs);
        }
    }

    @Nested
    class SystemDotCommand extends Layouts {
        @BeforeEach
        void useIt() {
            Assumptions.assumeTrue(SystemDot.find().isPresent(), "no dot on the PATH");
            System.setProperty("cadenza.layout", "dot");
        }

        @Test
        void autoPrefersIt() {
            System.setProperty("cadenza.layout", "auto");
            assertTrue(LayoutEngine.chosen() instanceof SystemDot);
        }
    }

    @AfterEach
    void unset() {
        System.clearProperty("cadenza.layout");
    }

    @Test
    void anUnknownSettingIsBadInput() {
        System.setProperty("cadenza.layout", "neato");
        UserInputException e = assertThrows(UserInputException.class, LayoutEngine::chosen);
        assertEquals("CADENZA_LAYOUT=neato: say auto, dot or bundled", e.getMessage());
    }

    @Test
    void dotIsLookedForOnThePath() throws IOException {
        assertTrue(SystemDot.find(null).isEmpty());
        assertTrue(SystemDot.find("").isEmpty());
        Path empty = Files.createDirectory(dir.resolve("empty"));
        assertTrue(SystemDot.find(empty.toString()).isEmpty(), "no dot here: the bundled engine is used");
        Path bin = Files.createDirectory(dir.resolve("bin"));
        Path dot = Files.writeString(bin.resolve("dot"), "#!/bin/sh\n");
        assertTrue(SystemDot.find(empty + java.io.File.pathSeparator + bin).isEmpty(), "not executable");
        assertTrue(dot.toFile().setExecutable(true));
        assertEquals(dot, SystemDot.find(empty + java.io.File.pathSeparator + bin).orElseThrow().executable());
    }

    @Test
    void theExecutableStackFlagIsClearedAndNothingElse() throws IOException {
        byte[] lib;
        try (var in = V8Library.class.getResourceAsStream(V8Library.RESOURCE)) {
            lib = in.readAllBytes();
        }
        byte[] copy = lib.clone();
        assertTrue(V8Library.clearExecutableStack(copy), "the shipped library has an executable stack");
        int changed = 0;
        for (int i = 0; i < lib.length; i++) {
            if (lib[i] != copy[i]) {
                changed++;
                assertEquals(1, lib[i] ^ copy[i], "only the PF_X bit changes");
            }
        }
        assertEquals(1, changed);
        assertFalse(V8Library.clearExecutableStack(copy), "cleared already");
        assertFalse(V8Library.clearExecutableStack(new byte[] {1, 2, 3}), "not ELF");
    }

    /** The same checks with whichever engine the subclass sets. */
    abstract class Layouts {

        @Test
        void svgHoldsEveryPlaceAndTransition() throws IOException {
            Path out = dir.resolve("pair.svg");
            GraphvizRenderer.write(AssemblyDiagram.of(model, model.assemblies().get(0)), out);
            String svg = Files.readString(out, StandardCharsets.UTF_8);
            assertTrue(svg.contains("<svg") && svg.contains("</svg>"), svg);
            for (String text : new String[] {">undeployed<", ">configured<", ">allocate<", ">[2, 5]<", ">s : Server<", ">ip (data)<"}) {
                assertTrue(svg.contains(text), text + " missing from the SVG");
            }
        }

        @Test
        void pngIsAPictureOfPlausibleSize() throws IOException {
            Path out = dir.resolve("pair.png");
            GraphvizRenderer.write(AssemblyDiagram.of(model, model.assemblies().get(0)), out);
            byte[] bytes = Files.readAllBytes(out);
            byte[] magic = new byte[8];
            System.arraycopy(bytes, 0, magic, 0, 8);
            assertArrayEquals(PNG_MAGIC, magic);
            BufferedImage image = ImageIO.read(out.toFile());
            // two clusters side by side and above each other, a dozen labelled nodes: a few hundred pixels
            assertTrue(image.getWidth() > 400 && image.getWidth() < 3000, "width " + image.getWidth());
            assertTrue(image.getHeight() > 150 && image.getHeight() < 2000, "height " + image.getHeight());
            assertTrue(bytes.length > 5_000, bytes.length + " bytes");
            assertTrue(hasDarkPixels(image), "not blank");
        }

        private static boolean hasDarkPixels(BufferedImage image) {
            int dark = 0;
            for (int y = 0; y < image.getHeight(); y += 2) {
                for (int x = 0; x < image.getWidth(); x += 2) {
                    int rgb = image.getRGB(x, y);
                    int alpha = rgb >>> 24;
                    int grey = ((rgb >> 16 & 0xFF) + (rgb >> 8 & 0xFF) + (rgb & 0xFF)) / 3;
                    if (alpha > 128 && grey < 100) {
                        dark++;
                    }
                }
            }
            return dark > 200;
        }

        @Test
        void netPictureAsPng() throws IOException {
            Path out = dir.resolve("net.png");
            GraphvizRenderer.write(NetDiagram.of(Fixtures.smallNet()), out);
            BufferedImage image = ImageIO.read(out.toFile());
            assertTrue(image.getWidth() > 200 && image.getHeight() > 40,
                    image.getWidth() + "x" + image.getHeight());
        }

        @Test
        void noPartFileIsLeft() throws IOException {
            GraphvizRenderer.write(NetDiagram.of(Fixtures.smallNet()), dir.resolve("n.png"));
            try (var files = Files.list(dir)) {
                assertEquals(List.of("n.png"), files.map(f -> f.getFileName().toString()).toList());
            }
        }
    }

    @Test
    void dotIsTheGraphText() throws IOException {
        Path out = dir.resolve("pair.DOT");
        GraphvizRenderer.write(AssemblyDiagram.of(model, model.assemblies().get(0)), out);
        String text = Files.readString(out);
        assertTrue(text.startsWith("digraph \"pair\" {") && text.contains("\"s#port#ip\" -> \"c#port#server_ip\""), text);
    }

    @Test
    void aNetTooLargeToLayOutIsRefusedAtOnceButItsDotIsWritten() throws IOException {
        PetriNet.Builder b = PetriNet.builder("big");
        for (int i = 0; i < 600; i++) {
            b.place("p" + i, i == 0 ? 1 : 0);
        }
        for (int i = 0; i < 600; i++) {
            b.transition("t" + i, TimeInterval.UNBOUNDED, List.of(Arc.normal(i, 1)), List.of(Arc.normal((i + 1) % 600, 1)));
        }
        MutableGraph big = NetDiagram.of(b.build());
        assertEquals(1200, GraphvizRenderer.edges(big));
        UserInputException e = assertThrows(UserInputException.class, () -> GraphvizRenderer.write(big, dir.resolve("big.svg")));
        assertTrue(e.getMessage().contains("1200 edges are too many to lay out here"), e.getMessage());
        GraphvizRenderer.write(big, dir.resolve("big.dot"));
        assertTrue(Files.readString(dir.resolve("big.dot")).contains("\"p599\" -> \"t599\""));
    }

    @Test
    void anUnknownEndingIsBadInput() {
        UserInputException e = assertThrows(UserInputException.class, () ->
                GraphvizRenderer.write(NetDiagram.of(Fixtures.smallNet()), dir.resolve("net.jpg")));
        assertTrue(e.getMessage().endsWith("end the file name with .svg, .png or .dot"), e.getMessage());
    }
}
