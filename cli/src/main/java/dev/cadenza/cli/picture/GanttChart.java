package dev.cadenza.cli.picture;

import dev.cadenza.cli.OutputFile;
import dev.cadenza.cli.UserInputException;
import org.jfree.graphics2d.svg.SVGGraphics2D;
import org.jfree.graphics2d.svg.SVGHints;
import org.jfree.graphics2d.svg.ViewBox;

import javax.imageio.ImageIO;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.Polygon;
import java.awt.RenderingHints;
import java.awt.geom.Line2D;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;

/**
 * Draws a {@link GanttData} as SVG or PNG. One drawing routine paints onto a {@link Graphics2D}:
 * a {@link BufferedImage}'s for PNG, JFreeSVG's {@link SVGGraphics2D} for SVG, so both outputs
 * are the same picture, text is placed by real font metrics, and no SVG is written by hand
 * (JFreeSVG escapes text and attributes). JFreeChart was the other candidate: twenty times the
 * size, and its Gantt model has no place for a bar inside a window with open ends.
 *
 * <p>Each row: the label on the left (bold on the critical path); the window as a pale band
 * (open to the right edge, with an arrow, when unbounded); each wait as a thin bar in the colour
 * of what held it back (port, lock, join, other), named in a column on the right; the bar solid
 * inside, vermilion on the critical path. Dashed vertical lines mark the least and greatest total
 * time; an unbounded greatest total is written as "max inf". In SVG each element has an id
 * ({@code PREFIX-bar-I}, {@code -window-I}, {@code -critical-I}, {@code -wait-I-K-KIND}) and a
 * tooltip saying what it is.
 */
public final class GanttChart {

    private static final int ROW = 22;
    private static final int BAR = 12;
    private static final int WAIT = 6;
    private static final int PLOT_WIDTH = 720;
    /** One run's chart is shown beside its assembly: narrower, so that it need not shrink. */
    private static final int RUN_PLOT_WIDTH = 420;
    private static final int PAD = 12;
    private static final int TOP = 46;
    private static final int AXIS = 26;
    private static final int LEGEND = 14;
    private static final int TAG_CHARS = 40;
    private static final Font FONT = new Font(Font.SANS_SERIF, Font.PLAIN, 12);
    private static final Font BOLD = new Font(Font.SANS_SERIF, Font.BOLD, 12);
    private static final Font TAG_FONT = new Font(Font.SANS_SERIF, Font.PLAIN, 11);
    private static final Font TITLE_FONT = new Font(Font.SANS_SERIF, Font.BOLD, 14);
    private static final Color WINDOW = new Color(0xC6DBEF);
    private static final Color BAR_COLOUR = new Color(0x0072B2);
    private static final Color CRITICAL = new Color(0xD55E00);
    private static final Color TOTAL = new Color(0x444444);
    private static final Color GRID = new Color(0xE0E0E0);
    private static final Color STILL = new Color(0xE69F00);
    /** Okabe–Ito, told apart by colour-blind readers; none is a bar's colour. */
    private static final Map<GanttData.WaitKind, Color> WAIT_COLOURS = new EnumMap<>(Map.of(
            GanttData.WaitKind.PORT, new Color(0xCC79A7),
            GanttData.WaitKind.LOCK, new Color(0x000000),
            GanttData.WaitKind.JOIN, new Color(0x009E73),
            GanttData.WaitKind.OTHER, new Color(0x999999)));

    private final GanttData data;
    private final int labelWidth;
    private final int tagWidth;
    private final double end;
    private final int plotWidth;
    /** When set (SVG only), bars and windows get element ids from it. */
    private String idPrefix;

    private GanttChart(GanttData data) {
        this.data = data;
        BufferedImage scratch = new BufferedImage(1, 1, BufferedImage.TYPE_INT_ARGB);
        Graphics2D g = scratch.createGraphics();
        int widest = 0;
        int widestTag = 0;
        for (GanttData.Row r : data.rows()) {
            widest = Math.max(widest, g.getFontMetrics(r.critical() ? BOLD : FONT).stringWidth(r.label()));
            String tag = tag(r);
            if (tag != null) {
                widestTag = Math.max(widestTag, g.getFontMetrics(TAG_FONT).stringWidth(tag));
            }
        }
        g.dispose();
        this.labelWidth = widest + 2 * PAD;
        this.tagWidth = widestTag == 0 ? 0 : widestTag + 2 * PAD;
        this.end = scaleEnd(data);
        this.plotWidth = data.endLabel() == null ? PLOT_WIDTH : RUN_PLOT_WIDTH;
    }

    /** Writes the chart to {@code out}: {@code .svg} or {@code .png}. */
    public static void write(GanttData data, Path out) {
        String name = out.getFileName().toString().toLowerCase(Locale.ROOT);
        GanttChart chart = new GanttChart(data);
        if (name.endsWith(".svg")) {
            OutputFile.write(out, chart.svg());
        } else if (name.endsWith(".png")) {
            OutputFile.write(out, part -> ImageIO.write(chart.png(2), "png", part.toFile()));
        } else {
            throw new UserInputException(out + ": cannot tell the chart format; end the file name with .svg or .png");
        }
    }

    /** The chart as an SVG document. */
    public static String svg(GanttData data) {
        return new GanttChart(data).svg();
    }

    /**
     * The chart as an {@code <svg>} element to inline in HTML: a viewBox (so CSS can scale it)
     * and each bar a {@code <rect id="PREFIX-bar-I">} (I from 0), each window
     * {@code PREFIX-window-I}, for tests and scripts to find them.
     */
    public static String svgElement(GanttData data, String idPrefix) {
        GanttChart chart = new GanttChart(data);
        chart.idPrefix = idPrefix;
        SVGGraphics2D g = new SVGGraphics2D(chart.width(), chart.height());
        chart.draw(g);
        return g.getSVGElement(idPrefix, true, new ViewBox(0, 0, chart.width(), chart.height()), null, null);
    }

    /** The chart as an image, {@code scale} pixels per unit (2 for sharp text on screens). */
    public static BufferedImage png(GanttData data, int scale) {
        return new GanttChart(data).png(scale);
    }

    int width() {
        return labelWidth + plotWidth + tagWidth + 3 * PAD;
    }

    int height() {
        return TOP + data.rows().size() * ROW + AXIS + LEGEND + PAD;
    }

    private String svg() {
        SVGGraphics2D g = new SVGGraphics2D(width(), height());
        draw(g);
        return g.getSVGDocument();
    }

    private BufferedImage png(int scale) {
        BufferedImage image = new BufferedImage(width() * scale, height() * scale, BufferedImage.TYPE_INT_ARGB);
        Graphics2D g = image.createGraphics();
        g.scale(scale, scale);
        draw(g);
        g.dispose();
        return image;
    }

    /** The one drawing routine, for every output. */
    private void draw(Graphics2D g) {
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setColor(Color.WHITE);
        g.fill(new Rectangle2D.Double(0, 0, width(), height()));

        g.setFont(TITLE_FONT);
        g.setColor(Color.BLACK);
        g.drawString(data.title(), PAD, 20);

        int plotTop = TOP;
        int plotBottom = TOP + data.rows().size() * ROW;
        double x0 = labelWidth;

        // grid and axis
        g.setFont(FONT);
        FontMetrics fm = g.getFontMetrics();
        double step = niceStep(end / 8);
        for (double t = 0; t <= end + 1e-9; t += step) {
            double x = x(t);
            g.setColor(GRID);
            g.draw(new Line2D.Double(x, plotTop, x, plotBottom));
            g.setColor(Color.DARK_GRAY);
            g.draw(new Line2D.Double(x, plotBottom, x, plotBottom + 4));
            String text = number(t);
            g.drawString(text, (float) (x - fm.stringWidth(text) / 2.0), plotBottom + 4 + fm.getAscent());
        }
        g.setColor(Color.DARK_GRAY);
        g.draw(new Line2D.Double(x0, plotBottom, x(end), plotBottom));
        // the unit after the last tick's number (drawn centred on its tick)
        String last = number(Math.floor((end + 1e-9) / step) * step);
        g.drawString("s", (float) (x(end) + fm.stringWidth(last) / 2.0 + 3), plotBottom + 4 + fm.getAscent());

        // rows
        for (int i = 0; i < data.rows().size(); i++) {
            GanttData.Row r = data.rows().get(i);
            double mid = plotTop + i * ROW + ROW / 2.0;
            g.setColor(Color.BLACK);
            g.setFont(r.critical() ? BOLD : FONT);
            g.drawString(r.label(), (float) (x0 - PAD - g.getFontMetrics().stringWidth(r.label())),
                    (float) (mid + fm.getAscent() / 2.0 - 2));
            g.setFont(FONT);
            if (r.window() != null && data.endLabel() == null) { // one run has no windows
                boolean open = Double.isInfinite(r.window().end());
                double ws = x(r.window().start());
                double we = open ? x(end) : x(r.window().end());
                g.setColor(WINDOW);
                hint(g, "window", i, r.label() + ": can run from " + number(r.window().start()) + " s to "
                        + (open ? "no bound" : number(r.window().end()) + " s") + " over all runs");
                g.fill(new Rectangle2D.Double(ws, mid - BAR / 2.0 - 3, Math.max(we - ws, 1), BAR + 6));
                if (open) {
                    g.fill(arrow(we, mid, BAR / 2.0 + 3));
                }
            }
            for (int k = 0; k < r.waits().size(); k++) {
                GanttData.Wait w = r.waits().get(k);
                double ws = x(w.from());
                double we = x(Math.min(w.to(), end));
                g.setColor(WAIT_COLOURS.get(w.kind()));
                hint(g, "wait", i + "-" + k + "-" + w.kind().word(), r.label() + " waited "
                        + (Double.isInfinite(w.to()) ? "from " + number(w.from()) + " s to the end"
                        : number(w.from()) + "–" + number(w.to()) + " s") + ": " + w.why());
                g.fill(new Rectangle2D.Double(ws, mid - WAIT / 2.0, Math.max(we - ws, 2), WAIT));
                if (Double.isInfinite(w.to())) {
                    g.fill(arrow(Math.max(we, ws + 2), mid, WAIT / 2.0 + 2));
                }
            }
            if (r.bar() != null) {
                double bs = x(r.bar().start());
                double be = x(Math.min(r.bar().end(), end));
                double w = Math.max(be - bs, 2);
                g.setColor(r.stillRunning() ? STILL : r.critical() ? CRITICAL : BAR_COLOUR);
                hint(g, "bar", i, r.label() + (r.stillRunning() ? " started at " + number(r.bar().start())
                        + " s, still running at the end" : " ran " + number(r.bar().start()) + "–" + number(r.bar().end())
                        + " s") + (r.critical() ? " (critical path)" : ""));
                g.fill(new Rectangle2D.Double(bs, mid - BAR / 2.0, w, BAR));
                if (r.stillRunning()) { // an arrow head: it goes on after the run stops
                    g.fill(arrow(bs + w, mid, BAR / 2.0 + 3));
                }
                if (r.critical()) {
                    g.setColor(Color.BLACK);
                    hint(g, "critical", i, r.label() + " is on the critical path");
                    g.draw(new Rectangle2D.Double(bs - 1, mid - BAR / 2.0 - 1, w + 2, BAR + 2));
                }
            }
            String tag = tag(r);
            if (tag != null) {
                g.setFont(TAG_FONT);
                g.setColor(WAIT_COLOURS.get(longest(r).kind()) == Color.BLACK ? Color.BLACK
                        : WAIT_COLOURS.get(longest(r).kind()).darker());
                g.drawString(tag, (float) (labelWidth + plotWidth + 2 * PAD), (float) (mid + fm.getAscent() / 2.0 - 2));
                g.setFont(FONT);
            }
        }

        // total time bounds
        g.setStroke(new BasicStroke(1.5f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10, new float[] {5, 4}, 0));
        g.setColor(TOTAL);
        if (data.endLabel() != null) { // one run: one line, where it stops
            totalLine(g, fm, data.totalMax(), data.endLabel() + " at " + number(data.totalMax()) + " s", plotTop, plotBottom,
                    x(data.totalMax()) < labelWidth + plotWidth / 2.0);
        } else {
            totalLine(g, fm, data.totalMin(), "min " + number(data.totalMin()), plotTop, plotBottom, false);
        }
        if (data.endLabel() != null) {
            assert data.totalMin() == data.totalMax();
        } else if (Double.isInfinite(data.totalMax())) {
            g.drawString("max inf", (float) (x(end) - fm.stringWidth("max inf")), plotTop - 4);
        } else if (data.totalMax() != data.totalMin()) {
            totalLine(g, fm, data.totalMax(), "max " + number(data.totalMax()), plotTop, plotBottom, true);
        }
        g.setStroke(new BasicStroke(1f));

        // legend: only what the chart shows
        int ly = plotBottom + AXIS + 10;
        double lx = x0;
        boolean run = data.endLabel() != null;
        if (data.rows().stream().anyMatch(r -> r.bar() != null && !r.critical() && !r.stillRunning())) {
            lx = legendBox(g, fm, lx, ly, BAR_COLOUR, run ? "ran" : "ran in the slowest run", BAR);
        }
        if (data.critical() > 0) {
            lx = legendBox(g, fm, lx, ly, CRITICAL, "critical path", BAR);
        }
        if (data.rows().stream().anyMatch(GanttData.Row::stillRunning)) {
            lx = legendBox(g, fm, lx, ly, STILL, "still running at the end", BAR);
        }
        for (GanttData.WaitKind k : GanttData.WaitKind.values()) {
            if (data.rows().stream().anyMatch(r -> r.waits().stream().anyMatch(w -> w.kind() == k))) {
                lx = legendBox(g, fm, lx, ly, WAIT_COLOURS.get(k), "waits: " + k.word(), WAIT);
            }
        }
        if (!run && data.windows() > 0) {
            lx = legendBox(g, fm, lx, ly, WINDOW, "window over all runs", BAR + 2);
        }
        g.setColor(TOTAL);
        g.setStroke(new BasicStroke(1.5f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10, new float[] {5, 4}, 0));
        g.draw(new Line2D.Double(lx + 9, ly - 11, lx + 9, ly + 2));
        g.setStroke(new BasicStroke(1f));
        g.setColor(Color.BLACK);
        g.drawString(run ? "end: " + data.endLabel() : "least and greatest total time", (float) (lx + 24), ly);
    }

    /** One legend entry: a box of {@code colour}, {@code height} tall, and its words; returns where the next starts. */
    private static double legendBox(Graphics2D g, FontMetrics fm, double lx, int ly, Color colour, String words, int height) {
        g.setColor(colour);
        g.fill(new Rectangle2D.Double(lx, ly - 4 - height / 2.0, 18, height));
        g.setColor(Color.BLACK);
        g.drawString(words, (float) (lx + 24), ly);
        return lx + 24 + fm.stringWidth(words) + 20;
    }

    /** A right-pointing triangle whose back edge is at {@code x}, {@code half} high each side of {@code mid}. */
    private static Polygon arrow(double x, double mid, double half) {
        Polygon p = new Polygon();
        p.addPoint((int) Math.round(x), (int) Math.round(mid - half));
        p.addPoint((int) Math.round(x) + 8, (int) Math.round(mid));
        p.addPoint((int) Math.round(x), (int) Math.round(mid + half));
        return p;
    }

    /** The wait that lasted longest (open ones count to the end). */
    private GanttData.Wait longest(GanttData.Row r) {
        GanttData.Wait best = null;
        for (GanttData.Wait w : r.waits()) {
            if (best == null || Math.min(w.to(), end) - w.from() > Math.min(best.to(), end) - best.from()) {
                best = w;
            }
        }
        return best;
    }

    /** What the row waited for, in the column on the right: the longest wait's tag, "+N" for the others. */
    private String tag(GanttData.Row r) {
        if (r.waits().isEmpty()) {
            return null;
        }
        String tag = longest(r).tag();
        if (tag.length() > TAG_CHARS) {
            tag = tag.substring(0, TAG_CHARS - 1) + "…";
        }
        return r.waits().size() == 1 ? tag : tag + " +" + (r.waits().size() - 1);
    }

    /** Names the next element drawn and gives it a tooltip (JFreeSVG's hints); nothing for bitmaps. */
    private void hint(Graphics2D g, String what, Object i, String title) {
        if (g instanceof SVGGraphics2D) {
            if (idPrefix != null) {
                g.setRenderingHint(SVGHints.KEY_ELEMENT_ID, idPrefix + "-" + what + "-" + i);
            }
            g.setRenderingHint(SVGHints.KEY_ELEMENT_TITLE, title);
        }
    }

    private void totalLine(Graphics2D g, FontMetrics fm, double t, String text, int top, int bottom, boolean right) {
        double x = x(t);
        g.draw(new Line2D.Double(x, top - 2, x, bottom));
        float tx = right ? (float) (x + 3) : (float) (x - 3 - fm.stringWidth(text));
        g.drawString(text, Math.max(tx, labelWidth), top - 4);
    }

    private double x(double t) {
        return labelWidth + plotWidth * Math.min(t, end) / end;
    }

    /** The time at the right edge: the greatest finite time shown, and a little room. */
    private static double scaleEnd(GanttData data) {
        double m = Double.isInfinite(data.totalMax()) ? data.totalMin() : data.totalMax();
        for (GanttData.Row r : data.rows()) {
            if (r.bar() != null) {
                m = Math.max(m, r.bar().end());
            }
            if (r.window() != null && data.endLabel() == null) {
                m = Math.max(m, r.window().start());
                if (!Double.isInfinite(r.window().end())) {
                    m = Math.max(m, r.window().end());
                }
            }
            for (GanttData.Wait w : r.waits()) {
                m = Math.max(m, Double.isInfinite(w.to()) ? w.from() : w.to());
            }
        }
        if (m <= 0) {
            return 1;
        }
        // a little room past the greatest time, to a fifth of a tick: 160.6 ends at 170, not 200
        double step = niceStep(m / 8) / 5;
        return Math.ceil(m * 1.02 / step) * step;
    }

    /** 1, 2 or 5 times a power of ten, at least {@code raw}. */
    static double niceStep(double raw) {
        double p = Math.pow(10, Math.floor(Math.log10(raw)));
        for (double f : new double[] {1, 2, 5, 10}) {
            if (f * p >= raw) {
                return f * p;
            }
        }
        return 10 * p;
    }

    private static String number(double t) {
        if (t == Math.rint(t) && Math.abs(t) < 1e12) {
            return Long.toString((long) t);
        }
        return String.format(Locale.ROOT, "%.3f", t).replaceAll("0+$", "").replaceAll("\\.$", "");
    }
}
