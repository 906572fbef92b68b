package dev.cadenza.cli.picture;

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
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * Draws a {@link GanttData} as SVG or PNG. One drawing routine paints onto a {@link Graphics2D}:
 * a {@link BufferedImage}'s for PNG, JFreeSVG's {@link SVGGraphics2D} for SVG, so both outputs
 * are the same picture, text is placed by real font metrics, and no SVG is written by hand
 * (JFreeSVG escapes text and attributes). JFreeChart was the other candidate: twenty times the
 * size, and its Gantt model has no place for a bar inside a window with open ends.
 *
 * <p>Each row: the label on the left, the window as a pale band (open to the right edge, with
 * an arrow, when unbounded), the bar solid inside it. Dashed vertical lines mark the least and
 * greatest total time; an unbounded greatest total is written as "max inf".
 */
public final class GanttChart {

    private static final int ROW = 22;
    private static final int BAR = 12;
    private static final int PLOT_WIDTH = 720;
    /** One run's chart is shown beside its assembly: narrower, so that it need not shrink. */
    private static final int RUN_PLOT_WIDTH = 420;
    private static final int PAD = 12;
    private static final int TOP = 46;
    private static final int AXIS = 26;
    private static final int LEGEND = 14;
    private static final Font FONT = new Font(Font.SANS_SERIF, Font.PLAIN, 12);
    private static final Font TITLE_FONT = new Font(Font.SANS_SERIF, Font.BOLD, 14);
    private static final Color WINDOW = new Color(0xC6DBEF);
    private static final Color BAR_COLOUR = new Color(0x0072B2);
    private static final Color TOTAL = new Color(0xD55E00);
    private static final Color GRID = new Color(0xE0E0E0);
    private static final Color STILL = new Color(0xE69F00);

    private final GanttData data;
    private final int labelWidth;
    private final double end;
    private final int plotWidth;
    /** When set (SVG only), bars and windows get element ids from it. */
    private String idPrefix;

    private GanttChart(GanttData data) {
        this.data = data;
        BufferedImage scratch = new BufferedImage(1, 1, BufferedImage.TYPE_INT_ARGB);
        Graphics2D g = scratch.createGraphics();
        FontMetrics fm = g.getFontMetrics(FONT);
        int widest = 0;
        for (GanttData.Row r : data.rows()) {
            widest = Math.max(widest, fm.stringWidth(r.label()));
        }
        g.dispose();
        this.labelWidth = widest + 2 * PAD;
        this.end = scaleEnd(data);
        this.plotWidth = data.endLabel() == null ? PLOT_WIDTH : RUN_PLOT_WIDTH;
    }

    /** Writes the chart to {@code out}: {@code .svg} or {@code .png}. */
    public static void write(GanttData data, Path out) {
        String name = out.getFileName().toString().toLowerCase(Locale.ROOT);
        GanttChart chart = new GanttChart(data);
        try {
            Path parent = out.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            if (name.endsWith(".svg")) {
                Files.writeString(out, chart.svg(), StandardCharsets.UTF_8);
            } else if (name.endsWith(".png")) {
                ImageIO.write(chart.png(2), "png", out.toFile());
            } else {
                throw new UserInputException(out + ": cannot tell the chart format; end the file name with .svg or .png");
            }
        } catch (IOException e) {
            throw new UserInputException(out + ": cannot write: " + e.getMessage());
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
        return labelWidth + plotWidth + 3 * PAD;
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
            g.drawString(r.label(), (float) (x0 - PAD - fm.stringWidth(r.label())),
                    (float) (mid + fm.getAscent() / 2.0 - 2));
            boolean open = Double.isInfinite(r.windowEnd());
            if (data.endLabel() == null) { // windows; one run has none (each bar is its own)
                double ws = x(r.windowStart());
                double we = open ? x(end) : x(r.windowEnd());
                g.setColor(WINDOW);
                id(g, "window", i);
                g.fill(new Rectangle2D.Double(ws, mid - BAR / 2.0 - 3, Math.max(we - ws, 1), BAR + 6));
                if (open) {
                    Polygon arrow = new Polygon();
                    arrow.addPoint((int) we, (int) (mid - BAR / 2.0 - 3));
                    arrow.addPoint((int) we + 8, (int) mid);
                    arrow.addPoint((int) we, (int) (mid + BAR / 2.0 + 3));
                    g.fill(arrow);
                }
            }
            double bs = x(r.barStart());
            double be = x(Math.min(r.barEnd(), end));
            g.setColor(r.stillRunning() ? STILL : BAR_COLOUR);
            id(g, "bar", i);
            g.fill(new Rectangle2D.Double(bs, mid - BAR / 2.0, Math.max(be - bs, 2), BAR));
            if (r.stillRunning()) { // an arrow head: it goes on after the run stops
                Polygon head = new Polygon();
                head.addPoint((int) Math.round(bs + Math.max(be - bs, 2)), (int) (mid - BAR / 2.0 - 3));
                head.addPoint((int) Math.round(bs + Math.max(be - bs, 2)) + 9, (int) mid);
                head.addPoint((int) Math.round(bs + Math.max(be - bs, 2)), (int) (mid + BAR / 2.0 + 3));
                g.fill(head);
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

        // legend
        int ly = plotBottom + AXIS + 10;
        if (data.endLabel() != null) {
            runLegend(g, fm, x0, ly);
            return;
        }
        g.setColor(BAR_COLOUR);
        g.fill(new Rectangle2D.Double(x0, ly - 9, 18, 10));
        g.setColor(Color.BLACK);
        g.drawString("one run", (float) (x0 + 24), ly);
        double lx = x0 + 24 + fm.stringWidth("one run") + 20;
        g.setColor(WINDOW);
        g.fill(new Rectangle2D.Double(lx, ly - 10, 18, 12));
        g.setColor(Color.BLACK);
        g.drawString("window over all runs", (float) (lx + 24), ly);
        lx += 24 + fm.stringWidth("window over all runs") + 20;
        g.setColor(TOTAL);
        g.setStroke(new BasicStroke(1.5f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10, new float[] {5, 4}, 0));
        g.draw(new Line2D.Double(lx + 9, ly - 11, lx + 9, ly + 2));
        g.setStroke(new BasicStroke(1f));
        g.setColor(Color.BLACK);
        g.drawString("least and greatest total time", (float) (lx + 24), ly);
    }

    /** The legend of one run: its bars, the bars still running at its end, the end line. */
    private void runLegend(Graphics2D g, FontMetrics fm, double x0, int ly) {
        double lx = x0;
        g.setColor(BAR_COLOUR);
        g.fill(new Rectangle2D.Double(lx, ly - 9, 18, 10));
        g.setColor(Color.BLACK);
        g.drawString("ran", (float) (lx + 24), ly);
        lx += 24 + fm.stringWidth("ran") + 20;
        if (data.rows().stream().anyMatch(GanttData.Row::stillRunning)) {
            g.setColor(STILL);
            g.fill(new Rectangle2D.Double(lx, ly - 9, 18, 10));
            g.setColor(Color.BLACK);
            g.drawString("still running at the end", (float) (lx + 24), ly);
            lx += 24 + fm.stringWidth("still running at the end") + 20;
        }
        g.setColor(TOTAL);
        g.setStroke(new BasicStroke(1.5f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10, new float[] {5, 4}, 0));
        g.draw(new Line2D.Double(lx + 9, ly - 11, lx + 9, ly + 2));
        g.setStroke(new BasicStroke(1f));
        g.setColor(Color.BLACK);
        g.drawString("end: " + data.endLabel(), (float) (lx + 24), ly);
    }

    /** Names the next element drawn (JFreeSVG's element id hint); nothing for bitmaps. */
    private void id(Graphics2D g, String what, int i) {
        if (idPrefix != null && g instanceof SVGGraphics2D) {
            g.setRenderingHint(SVGHints.KEY_ELEMENT_ID, idPrefix + "-" + what + "-" + i);
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
            m = Math.max(m, r.barEnd());
            m = Math.max(m, r.windowStart());
            if (!Double.isInfinite(r.windowEnd())) {
                m = Math.max(m, r.windowEnd());
            }
        }
        if (m <= 0) {
            return 1;
        }
        double step = niceStep(m / 8);
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
