package dev.cadenza.cli;

import dev.cadenza.cli.picture.GanttChart;
import dev.cadenza.cli.picture.GanttData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class HtmlReportTest {

    private static final String EVIL = "<script>alert('x')</script>";

    private static final String ASSEMBLY_SVG = """
            <?xml version="1.0" encoding="UTF-8" standalone="no"?>
            <!DOCTYPE svg PUBLIC "-//W3C//DTD SVG 1.1//EN"
             "http://www.w3.org/Graphics/SVG/1.1/DTD/svg11.dtd">
            <svg width="100pt" height="50pt" viewBox="0 0 100 50" xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink">
            <g id="graph0" class="graph"><title>pair</title></g>
            </svg>
            """;

    private static HtmlReport sample() {
        GanttData data = new GanttData("deploy", List.of(
                new GanttData.Row("s.allocate", 0, 5, 0, 5),
                new GanttData.Row("c.configure", new GanttData.Span(5, 7), new GanttData.Span(2, 8), false, true,
                        List.of(new GanttData.Wait(3, 5, GanttData.WaitKind.PORT, "s.ip",
                                "c.configure starts: waits for use port's provider s.ip to be active <" + EVIL + ">")))),
                4, 9);
        String gantt = GanttChart.svgElement(data, "gantt-deploy");
        return new HtmlReport("server-client", "examples/server-client.cdz")
                .assembly("deploy", ASSEMBLY_SVG)
                .verdict(new HtmlReport.Verdict("deploy", "deployable up", "holds", "state classes", 12, 48,
                        List.of("no deadlock")))
                .verdict(new HtmlReport.Verdict("deploy", "forbidden " + EVIL, "violated", "state classes", 3, 20,
                        List.of()))
                .verdict(new HtmlReport.Verdict("deploy", "within 4", "inconclusive", "state classes", 3, 20,
                        List.of("limit reached")))
                .bounds(new HtmlReport.Bounds("deploy", "4", "9", List.of("s.allocate  [0, 5]"), List.of(), gantt, data, null))
                .run(new HtmlReport.Run("deploy", "forbidden " + EVIL, "reachable: " + EVIL,
                        List.of("t=0  s.allocate starts", "t=5  \"" + EVIL + "\" & more"), List.of("c.start waits for s.service"),
                        null));
    }

    @Test
    void modelTextIsEscapedEverywhere() {
        String html = sample().html();
        assertFalse(html.contains("<script"), html);
        assertTrue(html.contains("forbidden &lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;"));
        assertTrue(html.contains("&quot;&lt;script&gt;"));
        assertTrue(html.contains("&amp; more"));
        assertEquals("&lt;a href=&quot;x&quot;&gt; &amp; &#39;", HtmlReport.esc("<a href=\"x\"> & '"));
    }

    @Test
    void everySectionIsThereWithItsHooks() {
        String html = sample().html();
        for (String hook : List.of("<section id=\"assembly\">", "<section id=\"verdicts\">", "<section id=\"bounds\">",
                "<section id=\"runs\">", "<figure class=\"assembly\"", "<body data-properties=\"3\"",
                "<table class=\"verdicts\" data-properties=\"3\">", "<tr class=\"verdict holds\" data-verdict=\"holds\">",
                "<tr class=\"verdict violated\" data-verdict=\"violated\">",
                "<tr class=\"verdict inconclusive\" data-verdict=\"inconclusive\">", "data-bars=\"2\"",
                "<article class=\"counterexample\"", "<ol class=\"critical-path\">", "<ol class=\"trace\">",
                "<ul class=\"blocked\">", "@media print")) {
            assertTrue(html.contains(hook), hook);
        }
        assertEquals(3, count(html, "<tr class=\"verdict "));
        assertEquals(2, count(html, "id='gantt-deploy-bar-"));
        // the chart's waits, critical path and windows, counted on the figure and drawn with ids
        assertTrue(html.contains("data-bars=\"2\" data-waits=\"1\" data-critical=\"1\" data-windows=\"2\""), html);
        assertEquals(1, count(html, "id='gantt-deploy-wait-1-0-port'"));
        assertEquals(1, count(html, "id='gantt-deploy-critical-1'"));
        assertEquals(2, count(html, "id='gantt-deploy-window-"));
        assertTrue(html.contains("<details class=\"waits\">") && html.contains("<li data-kind=\"port\">"), html);
        assertTrue(html.startsWith("<!DOCTYPE html>"));
        assertTrue(html.contains("<title>server-client — cadenza report</title>"));
    }

    @Test
    void thePageFetchesNothing() {
        String html = sample().html();
        assertFalse(html.contains("http://"), "a web address in the page");
        assertFalse(html.contains("https://"), "a web address in the page");
        assertFalse(html.contains("<script"));
        assertFalse(html.contains("<link"));
        assertFalse(html.contains("<?xml"));
        assertFalse(html.contains("<!DOCTYPE svg"));
        assertFalse(Pattern.compile("\\b(src|href)\\s*=").matcher(html).find(), "a src or href attribute");
        assertFalse(html.contains("@import"));
        assertFalse(html.contains("url("));
    }

    @Test
    void svgsScaleToThePage() {
        String html = sample().html();
        assertTrue(html.contains("figure svg { display: block; max-width: 100%; height: auto;"));
        assertTrue(html.contains("viewBox='0 0 "), "the Gantt chart has a viewBox");
        assertTrue(html.contains("viewBox=\"0 0 100 50\""), "the assembly keeps its viewBox");
    }

    @Test
    void aDeadlockDrawsWhatEachStepWaitsForToTheEnd(@TempDir Path dir) throws IOException {
        Path out = dir.resolve("c.html");
        CommandLine cli = new CommandLine(new Cadenza());
        StringWriter stderr = new StringWriter();
        cli.setOut(new PrintWriter(new StringWriter()));
        cli.setErr(new PrintWriter(stderr));
        int code = cli.execute("report", "src/test/resources/report/cyclic-use.cdz", "--quiet", "-o", out.toString());
        assertEquals(ExitCode.VIOLATED, code, stderr.toString());
        String html = Files.readString(out);
        // a.finish and b.finish never start: no bar, one open port wait each, named
        assertTrue(html.contains("data-bars=\"2\" data-waits=\"2\""), html);
        assertEquals(2, count(html, "-wait-"), "two waits drawn");
        assertTrue(html.contains(">port b.ready<") && html.contains(">port a.ready<"), "named in the chart");
        // told in the words of where things stand at the deadlock
        assertTrue(html.contains("a.finish starts: waits for use port&#39;s provider b.ready to be active (b is in b1) (1 to the end)"),
                html);
        // every run deadlocks: the bounds say so in words, not as "inf s"
        assertTrue(html.contains("never (the end is not reached)"), html);
        assertFalse(html.contains("inf s<"), html);
    }

    @Test
    void boundsThatAreNotNumbersAreSaidInWords() {
        assertEquals("4.5 s", HtmlReport.seconds("4.5"));
        assertEquals("unbounded (a run never finishes)", HtmlReport.seconds("inf"));
        assertEquals("never (the end is not reached)", HtmlReport.seconds(HtmlReport.NEVER));
        assertEquals("unknown", HtmlReport.seconds("?"));
    }

    @Test
    void reportCommandWritesAPageForAModelWithAViolation(@TempDir Path dir) throws IOException {
        Path model = Path.of("src/test/resources/report/forgotten-dependency.cdz");
        Path out = dir.resolve("r.html");
        StringWriter stdout = new StringWriter();
        StringWriter stderr = new StringWriter();
        CommandLine cli = new CommandLine(new Cadenza());
        cli.setOut(new PrintWriter(stdout));
        cli.setErr(new PrintWriter(stderr));
        int code = cli.execute("report", model.toString(), "-o", out.toString());
        assertEquals(ExitCode.VIOLATED, code, stderr.toString());
        String html = Files.readString(out);
        assertEquals(5, count(html, "<tr class=\"verdict "));
        assertEquals(3, count(html, "<tr class=\"verdict violated\""));
        assertEquals(3, count(html, "<article class=\"counterexample\""));
        assertTrue(html.contains("web.start starts before db.start has ended"), html);
        // each counterexample drawn: the assembly with marked places, beside its run's Gantt chart with bars
        String[] articles = html.split("<article class=\"counterexample\"");
        for (int i = 1; i < articles.length; i++) {
            String a = articles[i].substring(0, articles[i].indexOf("</article>"));
            assertTrue(a.contains("<figure class=\"assembly state\""), a);
            // a marked place, or (sequence: both still at work) a running transition
            assertTrue(a.toUpperCase().contains("FFD54F") || a.toUpperCase().contains("FFF59D"), "nothing highlighted: " + a);
            if (a.contains("data-property=\"within 4\"")) {
                assertTrue(a.toUpperCase().contains("FFD54F"), "the slowest run ends with both in their final places: " + a);
            }
            assertTrue(a.contains("<figure class=\"gantt run\""), a);
            assertTrue(a.contains("-bar-0'"), a);
        }
        // the sequence is violated while db.install and web.start still run: their bars are marked so
        assertTrue(html.contains("still running at the end"), html);
        assertTrue(html.contains("<figure class=\"gantt\""));
        assertTrue(html.contains("<figure class=\"assembly critical\""), "the critical path marked on the assembly");
        assertTrue(Pattern.compile("<figure class=\"gantt\"[^>]*data-critical=\"[1-9]").matcher(html).find(),
                "the bounds chart marks the critical path");
        assertFalse(html.contains("http://"));
        assertFalse(html.contains("https://"));
    }

    private static int count(String s, String what) {
        Matcher m = Pattern.compile(Pattern.quote(what)).matcher(s);
        int n = 0;
        while (m.find()) {
            n++;
        }
        return n;
    }
}
