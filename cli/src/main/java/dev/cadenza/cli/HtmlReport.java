package dev.cadenza.cli;

import dev.cadenza.cli.picture.GanttData;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One self-contained HTML page about a model: its pictures (inline SVG), the verdict table, the
 * time bounds with the Gantt chart, and every counterexample as a timed run. Nothing is fetched
 * when the page opens: the CSS is inline, there is no script, and the SVGs lose their XML prolog,
 * DOCTYPE and namespace declarations (HTML does not need them). Every text from the model is
 * escaped. Stable hooks for tests and scripts: {@code body[data-properties]},
 * {@code tr.verdict.holds|violated|inconclusive}, {@code figure.assembly svg},
 * {@code figure.gantt[data-bars]}, {@code article.counterexample}.
 */
final class HtmlReport {

    /** One line of the verdict table; {@code details} are the lines shown under it (may be empty). */
    record Verdict(String subject, String property, String verdict, String mode, long millis, long classes,
                   List<String> details) {
        Verdict {
            details = List.copyOf(details);
        }
    }

    /**
     * A violation's run ({@code witness} false) or a witness run of a property that holds: a
     * summary, the timed steps, what is blocked; drawn, the assembly in the state where the run
     * stops ({@code stateSvg}) and the run as a Gantt chart ({@code ganttSvg} with {@code bars}
     * bars), each may be null.
     */
    record Run(String subject, String property, String summary, List<String> trace, List<String> blocked,
               String stateSvg, String ganttSvg, GanttData gantt, boolean witness) {
        Run {
            trace = List.copyOf(trace);
            blocked = List.copyOf(blocked);
        }

        /** A counterexample, the assembly only. */
        Run(String subject, String property, String summary, List<String> trace, List<String> blocked, String stateSvg) {
            this(subject, property, summary, trace, blocked, stateSvg, null, null, false);
        }
    }

    /**
     * A subject's bounds: min, max ("inf"), the critical path's steps, the Gantt chart (SVG, may be
     * null) and what it shows ({@code gantt}: its bars, waits, critical rows and windows).
     */
    /**
     * A bound as the page says it: seconds when there is a number; "inf" (no run bounds it) and
     * "never" (the end is not reached) in words, since "inf s" reads as a time.
     */
    static String seconds(String bound) {
        return switch (bound) {
            case "inf" -> "unbounded (a run never finishes)";
            case NEVER -> "never (the end is not reached)";
            case "?" -> "unknown";
            default -> bound + " s";
        };
    }

    /** The bound of a subject whose end is never reached. */
    static final String NEVER = "never";

    record Bounds(String subject, String min, String max, List<String> criticalPath, List<String> windows,
                  String ganttSvg, GanttData gantt, String note) {
        Bounds {
            criticalPath = List.copyOf(criticalPath);
            windows = List.copyOf(windows);
        }
    }

    /**
     * A subject's sampled runs ({@code cadenza simulate}): the summary lines and the histogram
     * of totals (SVG, may be null).
     */
    record Simulation(String subject, int runs, List<String> lines, String histogramSvg) {
        Simulation {
            lines = List.copyOf(lines);
        }
    }

    private final String title;
    private final String file;
    private final List<String[]> pictures = new ArrayList<>(); // subject, svg
    private final List<Verdict> verdicts = new ArrayList<>();
    private final List<Bounds> bounds = new ArrayList<>();
    private final List<Run> runs = new ArrayList<>();
    /** The sensitivity section's entries, one per subject (drawn by {@link SensitivitySection}). */
    private final List<SensitivitySection.Entry> sensitivity = new ArrayList<>();
    private final List<Simulation> simulations = new ArrayList<>();
    /** What-if overrides of the command line ({@code --param}, {@code --interval}), one line each. */
    private final List<String> overrides = new ArrayList<>();
    /** "semantics concerto, step [0, 0] (default)": the runtime the verdicts are about. */
    private String runtime;

    HtmlReport(String title, String file) {
        this.title = title;
        this.file = file;
    }

    HtmlReport assembly(String subject, String svg) {
        return assembly(subject, svg, false);
    }

    /** The subject's assembly; {@code critical}: the picture marks the critical path of its slowest run. */
    HtmlReport assembly(String subject, String svg, boolean critical) {
        pictures.add(new String[] {subject, svg, critical ? "critical" : ""});
        return this;
    }

    HtmlReport verdict(Verdict v) {
        verdicts.add(v);
        return this;
    }

    HtmlReport bounds(Bounds b) {
        bounds.add(b);
        return this;
    }

    HtmlReport simulation(Simulation s) {
        simulations.add(s);
        return this;
    }

    HtmlReport run(Run r) {
        runs.add(r);
        return this;
    }

    /** Says at the top of the page which runtime and step the model was held to. */
    HtmlReport runtime(String line) {
        runtime = line;
        return this;
    }

    /** Says at the top of the page that the model was checked with these overrides. */
    HtmlReport overrides(List<String> lines) {
        overrides.addAll(lines);
        return this;
    }

    HtmlReport sensitivity(SensitivitySection.Entry e) {
        sensitivity.add(e);
        return this;
    }

    int runCount() {
        return runs.size();
    }

    int propertyCount() {
        return verdicts.size();
    }

    String html() {
        StringBuilder h = new StringBuilder(1 << 16);
        long violated = verdicts.stream().filter(v -> v.verdict().equals("violated")).count();
        long inconclusive = verdicts.stream().filter(v -> v.verdict().equals("inconclusive")).count();
        h.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
                .append("<title>").append(esc(title)).append(" — cadenza report</title>\n")
                .append("<style>\n").append(CSS).append("</style>\n</head>\n");
        h.append("<body data-properties=\"").append(verdicts.size()).append("\" data-violated=\"").append(violated)
                .append("\" data-inconclusive=\"").append(inconclusive).append("\">\n");
        h.append("<header>\n<h1>").append(esc(title)).append("</h1>\n<p class=\"file\">").append(esc(file))
                .append("</p>\n<p class=\"summary\">").append(summary(violated, inconclusive)).append("</p>\n");
        if (runtime != null) {
            h.append("<p class=\"runtime\">Held to ").append(esc(runtime)).append("</p>\n");
        }
        if (!overrides.isEmpty()) {
            h.append("<ul class=\"overrides\">\n");
            for (String o : overrides) {
                h.append("<li>what-if: ").append(esc(o)).append("</li>\n");
            }
            h.append("</ul>\n");
        }
        h.append("</header>\n");

        h.append("<section id=\"assembly\">\n<h2>Assembly</h2>\n");
        if (pictures.isEmpty()) {
            h.append("<p class=\"none\">Nothing to draw.</p>\n");
        }
        for (String[] p : pictures) {
            boolean critical = !p[2].isEmpty();
            h.append("<figure class=\"assembly").append(critical ? " critical" : "").append("\" data-subject=\"")
                    .append(esc(p[0])).append("\"").append(nativeWidth(p[1])).append(">\n")
                    .append(inlineSvg(p[1])).append("\n<figcaption>Components, ports and connections of ").append(esc(p[0]))
                    .append(critical ? "; the critical path of the slowest run in thick, framed transitions" : "")
                    .append("</figcaption>\n</figure>\n");
        }
        h.append("</section>\n");

        h.append("<section id=\"verdicts\">\n<h2>Verdicts</h2>\n");
        if (verdicts.isEmpty()) {
            h.append("<p class=\"none\">The model has no verify block.</p>\n");
        }
        h.append("<table class=\"verdicts\" data-properties=\"").append(verdicts.size()).append("\">\n")
                .append("<thead><tr><th>subject</th><th>property</th><th>verdict</th><th>answered by</th>")
                .append("<th class=\"num\">time</th><th class=\"num\">classes</th></tr></thead>\n<tbody>\n");
        for (Verdict v : verdicts) {
            String word = word(v.verdict());
            h.append("<tr class=\"verdict ").append(word).append("\" data-verdict=\"").append(word).append("\">")
                    .append("<td>").append(esc(v.subject())).append("</td>")
                    .append("<td class=\"property\">").append(esc(v.property())).append("</td>")
                    .append("<td class=\"word\">").append(esc(v.verdict())).append("</td>")
                    .append("<td>").append(esc(v.mode())).append("</td>")
                    .append("<td class=\"num\">").append(v.millis()).append(" ms</td>")
                    .append("<td class=\"num\">").append(v.classes()).append("</td></tr>\n");
            if (!v.details().isEmpty()) {
                h.append("<tr class=\"details\"><td></td><td colspan=\"5\"><pre>");
                for (String line : v.details()) {
                    h.append(esc(line)).append('\n');
                }
                h.append("</pre></td></tr>\n");
            }
        }
        h.append("</tbody>\n</table>\n</section>\n");

        h.append("<section id=\"bounds\">\n<h2>Time bounds</h2>\n");
        if (bounds.isEmpty()) {
            h.append("<p class=\"none\">No bounds computed.</p>\n");
        }
        for (Bounds b : bounds) {
            h.append("<div class=\"bounds\" data-subject=\"").append(esc(b.subject())).append("\">\n")
                    .append("<h3>").append(esc(b.subject())).append("</h3>\n<dl>\n")
                    .append("<dt>least total time</dt><dd class=\"min\">").append(esc(seconds(b.min()))).append("</dd>\n")
                    .append("<dt>greatest total time</dt><dd class=\"max\">").append(esc(seconds(b.max()))).append("</dd>\n")
                    .append("</dl>\n");
            if (!b.criticalPath().isEmpty()) {
                h.append("<h4>Critical path of the slowest run</h4>\n<ol class=\"critical-path\">\n");
                for (String s : b.criticalPath()) {
                    h.append("<li>").append(esc(s)).append("</li>\n");
                }
                h.append("</ol>\n");
            }
            if (b.ganttSvg() != null) {
                h.append("<figure class=\"gantt\" id=\"gantt-").append(bounds.indexOf(b)).append("\"").append(facts(b.gantt()))
                        .append(">\n").append(inlineSvg(b.ganttSvg()))
                        .append("\n<figcaption>The slowest run (bars, the critical path in vermilion), what each transition")
                        .append(" waited for (thin bars: a port, a lock, a join) and when it can run over all runs (pale windows)")
                        .append("</figcaption>\n</figure>\n");
                waits(h, b.gantt());
            }
            if (b.note() != null) {
                h.append("<p class=\"note\">").append(esc(b.note())).append("</p>\n");
            }
            if (!b.windows().isEmpty()) {
                h.append("<details class=\"windows\"><summary>Windows per transition</summary>\n<pre>");
                for (String w : b.windows()) {
                    h.append(esc(w)).append('\n');
                }
                h.append("</pre></details>\n");
            }
            h.append("</div>\n");
        }
        h.append("</section>\n");

        h.append(SensitivitySection.html(sensitivity));
        if (!simulations.isEmpty()) {
            h.append("<section id=\"simulation\">\n<h2>Sampled runs</h2>\n");
            for (Simulation sim : simulations) {
                h.append("<div class=\"simulation\" data-subject=\"").append(esc(sim.subject())).append("\" data-runs=\"")
                        .append(sim.runs()).append("\">\n<h3>").append(esc(sim.subject())).append("</h3>\n<pre>");
                for (String line : sim.lines()) {
                    h.append(esc(line)).append('\n');
                }
                h.append("</pre>\n");
                if (sim.histogramSvg() != null) {
                    h.append("<figure class=\"histogram\" data-runs=\"").append(sim.runs()).append("\">\n")
                            .append(inlineSvg(sim.histogramSvg()))
                            .append("\n<figcaption>Total times of runs of the executor with durations sampled in their intervals,"
                                    + " beside the exact least and greatest total</figcaption>\n</figure>\n");
                }
                h.append("</div>\n");
            }
            h.append("</section>\n");
        }

        h.append("<section id=\"runs\">\n<h2>Counterexamples</h2>\n");
        if (runs.stream().noneMatch(r -> !r.witness())) {
            h.append("<p class=\"none\">No property is violated: no counterexample.</p>\n");
        }
        runs.stream().filter(r -> !r.witness()).forEach(r -> run(h, r));
        if (runs.stream().anyMatch(Run::witness)) {
            h.append("<h2 class=\"witnesses\">Witnesses</h2>\n");
            runs.stream().filter(Run::witness).forEach(r -> run(h, r));
        }
        h.append("</section>\n");
        h.append("<footer>cadenza ").append(esc(new Version().getVersion()[0].replaceFirst("^cadenza ", ""))).append("</footer>\n</body>\n</html>\n");
        return h.toString();
    }

    private void run(StringBuilder h, Run r) {
        String kind = r.witness() ? "witness" : "counterexample";
        h.append("<article class=\"").append(kind).append("\" data-property=\"").append(esc(r.property())).append("\">\n")
                .append("<h3><span class=\"subject\">").append(esc(r.subject())).append("</span>: ")
                .append(esc(r.property())).append("</h3>\n<p class=\"why\">").append(esc(r.summary())).append("</p>\n");
        if (r.stateSvg() != null || r.ganttSvg() != null) {
            h.append("<div class=\"drawn\">\n");
            if (r.stateSvg() != null) {
                h.append("<figure class=\"assembly state\"").append(nativeWidth(r.stateSvg())).append(">\n")
                        .append(inlineSvg(r.stateSvg()))
                        .append("\n<figcaption>The assembly where the run stops: marked places, running transitions")
                        .append(r.blocked().isEmpty() ? "" : ", blocking ports in red").append("</figcaption>\n</figure>\n");
            }
            if (r.ganttSvg() != null) {
                h.append("<figure class=\"gantt run\" id=\"run-gantt-").append(runs.indexOf(r)).append("\"").append(facts(r.gantt()))
                        .append(">\n").append(inlineSvg(r.ganttSvg()))
                        .append("\n<figcaption>The run: when each transition ran and what it waited for, up to where it stops")
                        .append("</figcaption>\n</figure>\n");
            } else if (untimed(r)) {
                h.append("<p class=\"note\">An untimed path (query untimed): its steps have an order, no times;"
                        + " no chart.</p>\n");
            } else {
                h.append("<p class=\"note\">No transition ran before the run stops: no chart.</p>\n");
            }
            h.append("</div>\n");
        }
        if (r.gantt() != null) {
            waits(h, r.gantt());
        }
        if (!r.trace().isEmpty()) {
            h.append("<ol class=\"trace\">\n");
            for (String s : r.trace()) {
                h.append("<li>").append(esc(s)).append("</li>\n");
            }
            h.append("</ol>\n");
        }
        if (!r.blocked().isEmpty()) {
            h.append("<h4>Blocked</h4>\n<ul class=\"blocked\">\n");
            for (String s : r.blocked()) {
                h.append("<li>").append(esc(s)).append("</li>\n");
            }
            h.append("</ul>\n");
        }
        h.append("</article>\n");
    }

    /** The chart's counts as data attributes: bars, waits, rows on the critical path, windows. */
    private static String facts(GanttData g) {
        if (g == null) {
            return " data-bars=\"0\"";
        }
        return " data-bars=\"" + g.bars() + "\" data-waits=\"" + g.waits() + "\" data-critical=\"" + g.critical()
                + "\" data-windows=\"" + g.windows() + "\"";
    }

    /** What each transition waited for, in words (the chart's thin bars say it in colours). */
    private static void waits(StringBuilder h, GanttData g) {
        if (g == null || g.waits() == 0) {
            return;
        }
        h.append("<details class=\"waits\"><summary>What each transition waited for (").append(g.waits())
                .append(g.waits() == 1 ? " wait" : " waits").append(")</summary>\n<ul class=\"waits\">\n");
        for (GanttData.Row row : g.rows()) {
            for (GanttData.Wait w : row.waits()) {
                h.append("<li data-kind=\"").append(w.kind().word()).append("\"><span class=\"kind ").append(w.kind().word())
                        .append("\">").append(w.kind().word()).append("</span> ").append(esc(w.why())).append("</li>\n");
            }
        }
        h.append("</ul></details>\n");
    }

    /** A path of the untimed marking graph: its steps are numbered ({@code #1}), not timed. */
    private static boolean untimed(Run r) {
        return !r.trace().isEmpty() && r.trace().get(0).matches("(loop> )?#1\\b.*");
    }

    private String summary(long violated, long inconclusive) {
        if (verdicts.isEmpty()) {
            return "No property checked.";
        }
        long holds = verdicts.size() - violated - inconclusive;
        return verdicts.size() + (verdicts.size() == 1 ? " property" : " properties") + ": "
                + "<span class=\"holds\">" + holds + " hold</span>, "
                + "<span class=\"violated\">" + violated + " violated</span>, "
                + "<span class=\"inconclusive\">" + inconclusive + " inconclusive</span>";
    }

    /** The JSON word when it is one, else "unknown": used as a CSS class, so never raw text. */
    private static String word(String verdict) {
        return switch (verdict) {
            case "holds", "violated", "inconclusive" -> verdict;
            default -> "unknown";
        };
    }

    private static final Pattern PROLOG = Pattern.compile("<\\?xml[^>]*\\?>\\s*");
    private static final Pattern DOCTYPE = Pattern.compile("<!DOCTYPE[^>\\[]*(\\[[^]]*])?\\s*>\\s*", Pattern.CASE_INSENSITIVE);
    private static final Pattern NAMESPACES = Pattern.compile("\\s+xmlns(:\\w+)?=(\"[^\"]*\"|'[^']*')");

    /**
     * An SVG document as an element to put inside HTML: no prolog, no DOCTYPE (it names a DTD
     * on the web), no namespace declarations (the HTML parser knows SVG). The SVG's own text was
     * escaped by whoever wrote it (Graphviz, JFreeSVG).
     */
    static String inlineSvg(String svg) {
        String s = PROLOG.matcher(svg).replaceAll("");
        s = DOCTYPE.matcher(s).replaceAll("");
        s = NAMESPACES.matcher(s).replaceAll("");
        return s.strip();
    }

    private static final Pattern WIDTH = Pattern.compile("<svg\\s[^>]*?width=\"(\\d+(?:\\.\\d+)?)(px|pt)?\"");

    /**
     * A style giving the picture's own width as {@code --native}: a wide assembly is shown at
     * no less than 3/4 of it on screen (its figure then spans the window and scrolls sideways)
     * instead of shrinking to an unreadable size; print scales it to the page.
     */
    static String nativeWidth(String svg) {
        Matcher m = WIDTH.matcher(svg);
        if (!m.find()) {
            return "";
        }
        double w = Double.parseDouble(m.group(1)) * ("pt".equals(m.group(2)) ? 4.0 / 3 : 1);
        return " style=\"--native: " + Math.round(w) + "px\"";
    }

    /** Text and attribute values: the five characters HTML gives meaning to. */
    static String esc(String s) {
        if (s == null) {
            return "";
        }
        StringBuilder b = new StringBuilder(s.length() + 16);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '<' -> b.append("&lt;");
                case '>' -> b.append("&gt;");
                case '&' -> b.append("&amp;");
                case '"' -> b.append("&quot;");
                case '\'' -> b.append("&#39;");
                default -> b.append(c);
            }
        }
        return b.toString();
    }


    private static final String CSS = """
            :root { --ok: #1b7f3b; --bad: #b3261e; --warn: #9a6700; --line: #d0d7de; --muted: #57606a; }
            * { box-sizing: border-box; }
            body { font: 15px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, "DejaVu Sans", sans-serif;
                   color: #1f2328; margin: 0 auto; padding: 1rem 1.5rem 3rem; max-width: 72rem; }
            h1 { font-size: 1.6rem; margin: .5rem 0 0; }
            h2 { font-size: 1.25rem; border-bottom: 1px solid var(--line); padding-bottom: .25rem; margin-top: 2rem; }
            h3 { font-size: 1.05rem; margin: 1.2rem 0 .4rem; }
            h4 { font-size: .95rem; margin: .8rem 0 .3rem; }
            .file, .note, footer, figcaption, .none { color: var(--muted); }
            .file { font-family: ui-monospace, "DejaVu Sans Mono", monospace; font-size: .85rem; margin: .2rem 0; }
            .summary .holds { color: var(--ok); } .summary .violated { color: var(--bad); }
            .summary .inconclusive { color: var(--warn); }
            figure { margin: 1rem 0; overflow-x: auto; }
            figure svg { display: block; max-width: 100%; height: auto; margin: 0 auto; }
            figure.assembly { width: calc(100vw - 3rem); margin-left: calc(50% - 50vw + 1.5rem); }
            figure.assembly svg { width: max(100%, calc(var(--native, 100%) * .75)); max-width: var(--native, 100%); }
            figcaption { font-size: .85rem; text-align: center; margin-top: .3rem; }
            table.verdicts { border-collapse: collapse; width: 100%; font-size: .9rem; }
            table.verdicts th, table.verdicts td { border-bottom: 1px solid var(--line); padding: .3rem .5rem;
                   text-align: left; vertical-align: top; }
            table.verdicts th { background: #f6f8fa; }
            td.property { font-family: ui-monospace, "DejaVu Sans Mono", monospace; overflow-wrap: anywhere; }
            .num { text-align: right !important; white-space: nowrap; }
            tr.verdict td.word { font-weight: 600; }
            tr.holds td.word { color: #fff; background: var(--ok); }
            tr.violated td.word { color: #fff; background: var(--bad); }
            tr.inconclusive td.word { color: #000; background: #f2cc60; }
            tr.details td { border-bottom: 1px solid var(--line); }
            pre { margin: 0; font-size: .8rem; white-space: pre-wrap; overflow-wrap: anywhere; }
            dl { display: grid; grid-template-columns: max-content auto; gap: .1rem 1rem; margin: .3rem 0; }
            dt { color: var(--muted); } dd { margin: 0; font-weight: 600; }
            ol.critical-path, ol.trace, ul.blocked { font-family: ui-monospace, "DejaVu Sans Mono", monospace;
                   font-size: .85rem; margin: .3rem 0; }
            article.counterexample { border-left: 4px solid var(--bad); padding: .1rem 0 .1rem 1rem; margin: 1rem 0; }
            article.witness { border-left: 4px solid var(--ok); padding: .1rem 0 .1rem 1rem; margin: 1rem 0; }
            div.drawn { display: flex; flex-wrap: wrap; gap: 0 1.5rem; align-items: flex-start; }
            div.drawn > figure { min-width: 0; margin: .5rem 0; }
            div.drawn > figure.assembly { flex: 0 1 auto; width: auto; margin-left: 0; }
            div.drawn > figure.assembly svg { width: auto; max-width: 100%; max-height: 36rem; }
            div.drawn > figure.gantt { flex: 1 1 34rem; }
            .why { font-weight: 600; }
            details.windows summary, details.waits summary { cursor: pointer; color: var(--muted); }
            ul.waits { font-size: .85rem; margin: .3rem 0; }
            span.kind { font-size: .75rem; padding: 0 .3rem; border-radius: .2rem; color: #fff; }
            span.kind.port { background: #a64d87; } span.kind.lock { background: #000; }
            span.kind.join { background: #007a5a; } span.kind.other { background: #6e6e6e; }
            table.sensitivity { border-collapse: collapse; font-size: .85rem; width: 100%; }
            table.sensitivity th, table.sensitivity td { border-bottom: 1px solid var(--line); padding: .2rem .45rem;
                   text-align: left; white-space: nowrap; }
            table.sensitivity th { background: #f6f8fa; }
            table.sensitivity td.name { font-family: ui-monospace, "DejaVu Sans Mono", monospace; white-space: normal;
                   overflow-wrap: anywhere; }
            table.sensitivity tr.critical td.name { color: var(--bad); font-weight: 600; }
            div.sensitivity { overflow-x: auto; }
            footer { margin-top: 3rem; font-size: .8rem; }
            @media print {
              body { max-width: none; padding: 0; font-size: 11pt; }
              section { break-before: page; }
              section:first-of-type { break-before: auto; }
              figure, tr, article.counterexample, dl { break-inside: avoid; }
              figure { overflow: visible; }
              figure.assembly { width: auto; margin-left: 0; }
              figure.assembly svg { width: auto; max-width: 100%; }
              figure svg { max-height: 24cm; width: auto; max-width: 100%; }
              details.windows > pre, details.waits > ul { display: block; }
              tr.holds td.word, tr.violated td.word, tr.inconclusive td.word {
                     -webkit-print-color-adjust: exact; print-color-adjust: exact; }
            }
            """;
}
