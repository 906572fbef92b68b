package dev.cadenza.cli;

import dev.cadenza.cli.picture.TornadoChart;
import dev.cadenza.verify.report.Times;
import dev.cadenza.verify.sensitivity.SensitivityAnalysis;
import dev.cadenza.verify.sensitivity.SensitivityReport;
import dev.cadenza.verify.sensitivity.TransitionSensitivity;

import java.util.List;

/**
 * The report's sensitivity section (kept apart from {@link HtmlReport}, which other sections
 * share): per subject, the ranked table of {@code cadenza sensitivity} and its tornado chart, or
 * a note saying why it was left out. Hooks: {@code section#sensitivity},
 * {@code div.sensitivity[data-subject][data-rows]}, {@code table.sensitivity tr.transition},
 * {@code figure.tornado svg}.
 */
final class SensitivitySection {

    /** A subject's analysis, or (report null) the reason it is left out. */
    record Entry(String subject, SensitivityReport report, String note) {
    }

    private SensitivitySection() {
    }

    static String html(List<Entry> entries) {
        StringBuilder h = new StringBuilder();
        h.append("<section id=\"sensitivity\">\n<h2>Sensitivity</h2>\n");
        if (entries.isEmpty()) {
            h.append("<p class=\"none\">No subject to analyse.</p>\n");
        }
        for (Entry e : entries) {
            SensitivityReport r = e.report();
            h.append("<div class=\"sensitivity\" data-subject=\"").append(HtmlReport.esc(e.subject()))
                    .append("\" data-rows=\"").append(r == null ? 0 : r.rows().size()).append("\">\n<h3>")
                    .append(HtmlReport.esc(e.subject())).append("</h3>\n");
            if (r == null || !r.base().complete() || !r.base().finishes() || r.rows().isEmpty()) {
                String why = r == null ? e.note() : !r.base().complete() ? "A limit was reached: no sensitivity."
                        : !r.base().finishes() ? "The end is never reached: no sensitivity." : "No transition runs.";
                h.append("<p class=\"note\">").append(HtmlReport.esc(why)).append("</p>\n</div>\n");
                continue;
            }
            h.append("<p>Each transition's bounds moved by ").append(HtmlReport.esc(r.delta().toString()))
                    .append(", the totals recomputed exactly (").append(HtmlReport.esc(r.answeredBy())).append(")")
                    .append(r.answeredBy().equals(SensitivityAnalysis.CRITICAL_PATH)
                            ? "; slacks are exact."
                            : "; slacks are bounds (&ge; d: moving the bound by d changes nothing; &lt; d: it does).")
                    .append(" Totals now: [").append(Times.format(r.base().min())).append(", ")
                    .append(Times.format(r.base().max())).append("] s.</p>\n");
            h.append("<figure class=\"tornado\">\n")
                    .append(HtmlReport.inlineSvg(TornadoChart.svgElement(SensitivityCommand.tornado(r),
                            "tornado-" + entries.indexOf(e))))
                    .append("\n<figcaption>How the total max (thick) and min (thin) move when one transition's bounds"
                            + " move down (blue) or up (orange); red dot: on a critical path</figcaption>\n</figure>\n");
            h.append("<table class=\"sensitivity\">\n<thead><tr><th class=\"num\">rank</th><th>transition</th>")
                    .append("<th>interval</th><th>critical</th><th>max-slack</th><th>min-slack</th><th>bounds -")
                    .append(HtmlReport.esc(r.delta().toString())).append("</th><th>bounds +")
                    .append(HtmlReport.esc(r.delta().toString())).append("</th></tr></thead>\n<tbody>\n");
            int rank = 1;
            for (TransitionSensitivity t : r.rows()) {
                h.append("<tr class=\"transition").append(t.critical() ? " critical" : "").append("\"><td class=\"num\">")
                        .append(rank++).append("</td><td class=\"name\">").append(HtmlReport.esc(t.name()))
                        .append("</td><td>").append(HtmlReport.esc(t.interval().toString())).append("</td><td>")
                        .append(t.critical() ? "yes" : "no").append("</td><td>")
                        .append(HtmlReport.esc(t.maxSlack().text())).append("</td><td>")
                        .append(HtmlReport.esc(t.minSlack().text())).append("</td><td>")
                        .append(HtmlReport.esc(TransitionSensitivity.text(t.faster().totals()))).append("</td><td>")
                        .append(HtmlReport.esc(TransitionSensitivity.text(t.slower().totals()))).append("</td></tr>\n");
            }
            h.append("</tbody>\n</table>\n</div>\n");
        }
        h.append("</section>\n");
        return h.toString();
    }
}
