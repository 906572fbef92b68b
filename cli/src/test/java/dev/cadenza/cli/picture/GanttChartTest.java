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

    /** A deadlocked run: c.configure waits for s.ip to the end, s.start is held by a lock, c.start by a join. */
    static GanttData waitingRun() {
        return GanttData.run("deadlock", List.of(
                new GanttData.Row("s.allocate", new GanttData.Span(0, 3), null, false, true, List.of()),
                new GanttData.Row("c.install", new GanttData.Span(0, 4), null, false, false, List.of(
                        new GanttData.Wait(4, 5, GanttData.WaitKind.JOIN, "c.fetch", "c enters installed: waits for the join"))),
                new GanttData.Row("s.start", new GanttData.Span(5, 6), null, false, true, List.of(
                        new GanttData.Wait(3, 5, GanttData.WaitKind.LOCK, "s.service used by c.server", "locked"))),
                new GanttData.Row("c.configure", null, null, false, false, List.of(
                        new GanttData.Wait(5, Double.POSITIVE_INFINITY, GanttData.WaitKind.PORT, "s.ip",
                                "c.configure starts: waits for use port's provider s.ip to be active")))),
                8, "deadlock");
    }

    @Test
    void waitsAreThinBarsNamedByKindAndTheCriticalPathIsOutlined() {
        GanttData data = waitingRun();
        assertEquals(3, data.bars());
        assertEquals(3, data.waits());
        assertEquals(2, data.critical());
        String svg = GanttChart.svgElement(data, "r");
        for (String id : List.of("r-wait-1-0-join", "r-wait-2-0-lock", "r-wait-3-0-port", "r-critical-0", "r-critical-2",
                "r-bar-0", "r-bar-1", "r-bar-2")) {
            assertTrue(svg.contains("id='" + id + "'"), id + " missing: " + svg);
        }
        assertTrue(!svg.contains("r-bar-3"), "c.configure never started: no bar");
        for (String text : List.of(">port s.ip<", ">lock s.service used by c.server<", ">join c.fetch<", ">waits: port<",
                ">waits: lock<", ">waits: join<", ">critical path<", "from 5 s to the end: c.configure starts: waits for")) {
            assertTrue(svg.contains(text), text + " missing");
        }
        BufferedImage image = GanttChart.png(data, 1);
        int critical = 0;
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                if ((image.getRGB(x, y) & 0xFFFFFF) == 0xD55E00) {
                    critical++;
                }
            }
        }
        assertTrue(critical > 200, "vermilion pixels " + critical);
    }

    @Test
    void aRowNeedsABarOrAWait() {
        assertThrows(IllegalArgumentException.class, () -> new GanttData.Row("x", null, null, false, false, List.of()));
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
