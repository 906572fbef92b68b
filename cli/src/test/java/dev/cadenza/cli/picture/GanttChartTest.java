package dev.cadenza.cli.picture;

import dev.cadenza.cli.UserInputException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;

import javax.imageio.ImageIO;
import javax.xml.parsers.DocumentBuilderFactory;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The chart from hand-made data: the server–client deployment of DESIGN.md. */
class GanttChartTest {

    @TempDir
    Path dir;

    /** One run: s.allocate 0–3, s.start 3–5, c.install 0–4, c.configure 4–5.5 (waits for ip at 3), c.start 5.5–6. */
    static GanttData serverClient() {
        return new GanttData("deploy: one run and the windows of every run", List.of(
                new GanttData.Row("s.allocate", 0, 3, 0, 5),
                new GanttData.Row("s.start", 3, 5, 2, 8),
                new GanttData.Row("c.install", 0, 4, 0, 6),
                new GanttData.Row("c.configure", 4, 5.5, 3, 8),
                new GanttData.Row("c.start", 5.5, 6, 4, 9),
                new GanttData.Row("c.pause", 6, 6, 4, Double.POSITIVE_INFINITY)),
                4, 9);
    }

    @Test
    void svgIsWellFormedAndNamesEveryRowAndTheTotals() throws Exception {
        String svg = GanttChart.svg(serverClient());
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        // the document names the SVG 1.1 DTD; no network in tests
        factory.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
        Document doc = factory.newDocumentBuilder()
                .parse(new ByteArrayInputStream(svg.getBytes(StandardCharsets.UTF_8)));
        assertEquals("svg", doc.getDocumentElement().getTagName());
        for (String label : List.of("s.allocate", "s.start", "c.install", "c.configure", "c.start", "c.pause", "min 4", "max 9")) {
            assertTrue(svg.contains(">" + label + "<"), label + " missing");
        }
        // a window and a bar per row, at least
        assertTrue(doc.getElementsByTagName("rect").getLength() >= 12, svg);
    }

    @Test
    void pngShowsBarsInsideTheirWindows() {
        GanttData data = serverClient();
        BufferedImage image = GanttChart.png(data, 2);
        assertTrue(image.getWidth() > 1400 && image.getHeight() > 300, image.getWidth() + "x" + image.getHeight());
        // find the row of s.start by scanning the middle of the picture for the bar colour
        int bar = 0;
        int window = 0;
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x += 3) {
                int rgb = image.getRGB(x, y) & 0xFFFFFF;
                if (rgb == 0x0072B2) {
                    bar++;
                } else if (rgb == 0xC6DBEF) {
                    window++;
                }
            }
        }
        assertTrue(bar > 1000, "bar pixels " + bar);
        assertTrue(window > bar, "window pixels " + window + ", bar pixels " + bar);
    }

    @Test
    void writesByEnding() throws Exception {
        Path png = dir.resolve("g.png");
        Path svg = dir.resolve("g.svg");
        GanttChart.write(serverClient(), png);
        GanttChart.write(serverClient(), svg);
        BufferedImage image = ImageIO.read(png.toFile());
        assertTrue(image.getWidth() > 1400, "width " + image.getWidth());
        assertTrue(Files.readString(svg).startsWith("<?xml"), Files.readString(svg));
        UserInputException e = assertThrows(UserInputException.class,
                () -> GanttChart.write(serverClient(), dir.resolve("g.dot")));
        assertTrue(e.getMessage().endsWith("end the file name with .svg or .png"), e.getMessage());
    }

    @Test
    void anUnboundedMaximumIsWrittenAsInf() {
        GanttData open = new GanttData("open", List.of(new GanttData.Row("x.t", 0, 2, 0, Double.POSITIVE_INFINITY)),
                2, Double.POSITIVE_INFINITY);
        assertTrue(GanttChart.svg(open).contains(">max inf<"));
    }

    @Test
    void niceSteps() {
        assertEquals(1, GanttChart.niceStep(0.8));
        assertEquals(2, GanttChart.niceStep(1.2));
        assertEquals(5, GanttChart.niceStep(4.1));
        assertEquals(20, GanttChart.niceStep(19.2));
    }

    @Test
    void barsMustBeIntervals() {
        assertThrows(IllegalArgumentException.class, () -> new GanttData.Row("x", 3, 2, 0, 5));
        assertThrows(IllegalArgumentException.class, () -> new GanttData.Row("x", 0, 2, 4, 3));
        assertThrows(IllegalArgumentException.class, () -> new GanttData("t", List.of(), 5, 4));
    }
}
