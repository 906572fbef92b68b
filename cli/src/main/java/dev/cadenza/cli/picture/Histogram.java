package dev.cadenza.cli.picture;

import dev.cadenza.cli.OutputFile;
import dev.cadenza.cli.UserInputException;
import org.jfree.graphics2d.svg.SVGGraphics2D;
import org.jfree.graphics2d.svg.ViewBox;

import javax.imageio.ImageIO;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Line2D;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.Locale;

/**
 * Draws the distribution of sampled total times ({@code cadenza simulate -o}) as SVG or PNG, by
 * the same means as {@link GanttChart} (one routine onto a {@link Graphics2D}): bars of equal
 * width over the sampled range, the exact least and greatest total as dashed lines (the range
 * every run must stay in), the median and the 95th percentile as thin lines.
 */
public final class Histogram {

    private static final int WIDTH = 720;
    private static final int HEIGHT = 300;
    private static final int LEFT = 56;
    private static final int RIGHT = 24;
    private static final int TOP = 46;
    private static final int BOTTOM = 62;
    private static final Font FONT = new Font(Font.SANS_SERIF, Font.PLAIN, 12);
    private static final Font TITLE_FONT = new Font(Font.SANS_SERIF, Font.BOLD, 14);
    private static final Color BAR = new Color(0x0072B2);
    private static final Color EXACT = new Color(0xD55E00);
    private static final Color PERCENTILE = new Color(0x009E73);
    private static final Color GRID = new Color(0xE0E0E0);

    private final HistogramData data;
    private final double lo;
    private final double hi;
    private final int[] counts;

    private Histogram(HistogramData data) {
        this.data = data;
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        for (double t : data.totals()) {
            min = Math.min(min, t);
            max = Math.max(max, t);
        }
        if (!Double.isNaN(data.exactMin())) {
            min = Math.min(min, data.exactMin());
        }
        if (!Double.isNaN(data.exactMax()) && !Double.isInfinite(data.exactMax())) {
            max = Math.max(max, data.exactMax());
        }
        if (!(min <= max)) {
            min = 0;
            max = 1;
        }
        if (max - min < 1e-9) {
            max = min + 1;
        }
        double step = GanttChart.niceStep((max - min) / 8);
        lo = Math.floor(min / step) * step;
        hi = Math.ceil(max / step) * step;
        int bins = Math.max(10, Math.min(60, (int) Math.round(Math.sqrt(data.totals().length) * 1.5)));
        counts = new int[bins];
        // bins cover the sampled range only, so that they stay fine-grained
        double smin = Double.POSITIVE_INFINITY;
        double smax = Double.NEGATIVE_INFINITY;
        for (double t : data.totals()) {
            smin = Math.min(smin, t);
            smax = Math.max(smax, t);
        }
        binLo = data.totals().length == 0 ? lo : smin;
        binWidth = data.totals().length == 0 || smax - smin < 1e-12 ? (hi - lo) / bins : (smax - smin) / bins;
        for (double t : data.totals()) {
            int b = (int) Math.floor((t - binLo) / binWidth);
            counts[Math.max(0, Math.min(bins - 1, b))]++;
        }
    }

    private final double binLo;
    private final double binWidth;

    /** Writes the histogram to {@code out} ({@code .svg} or {@code .png}), whole or not at all. */
    public static void write(HistogramData data, Path out) {
        String name = out.getFileName().toString().toLowerCase(Locale.ROOT);
        Histogram h = new Histogram(data);
        if (name.endsWith(".svg")) {
            OutputFile.write(out, h.svg());
        } else if (name.endsWith(".png")) {
            OutputFile.write(out, part -> ImageIO.write(h.png(2), "png", part.toFile()));
        } else {
            throw new UserInputException(out + ": cannot tell the picture format; end the file name with .svg or .png");
        }
    }

    /** The histogram as an {@code <svg>} element to inline in HTML (with a viewBox). */
    public static String svgElement(HistogramData data, String id) {
        Histogram h = new Histogram(data);
        SVGGraphics2D g = new SVGGraphics2D(WIDTH, HEIGHT);
        h.draw(g);
        return g.getSVGElement(id, true, new ViewBox(0, 0, WIDTH, HEIGHT), null, null);
    }

    private String svg() {
        SVGGraphics2D g = new SVGGraphics2D(WIDTH, HEIGHT);
        draw(g);
        return g.getSVGDocument();
    }

    private BufferedImage png(int scale) {
        BufferedImage image = new BufferedImage(WIDTH * scale, HEIGHT * scale, BufferedImage.TYPE_INT_ARGB);
        Graphics2D g = image.createGraphics();
        g.scale(scale, scale);
        draw(g);
        g.dispose();
        return image;
    }

    private double x(double t) {
        return LEFT + (WIDTH - LEFT - RIGHT) * (t - lo) / (hi - lo);
    }

    private void draw(Graphics2D g) {
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setColor(Color.WHITE);
        g.fill(new Rectangle2D.Double(0, 0, WIDTH, HEIGHT));
        g.setFont(TITLE_FONT);
        g.setColor(Color.BLACK);
        g.drawString(data.title(), 12, 20);
        g.setFont(FONT);
        FontMetrics fm = g.getFontMetrics();
        int bottom = HEIGHT - BOTTOM;
        int max = 1;
        for (int c : counts) {
            max = Math.max(max, c);
        }
        // y grid: run counts
        double ystep = GanttChart.niceStep(max / 4.0);
        ystep = Math.max(1, Math.round(ystep));
        for (double y = 0; y <= max + 1e-9; y += ystep) {
            double py = bottom - (bottom - TOP) * y / max;
            g.setColor(GRID);
            g.draw(new Line2D.Double(LEFT, py, WIDTH - RIGHT, py));
            g.setColor(Color.DARK_GRAY);
            String s = Long.toString(Math.round(y));
            g.drawString(s, LEFT - 6 - fm.stringWidth(s), (float) (py + fm.getAscent() / 2.0 - 2));
        }
        g.setColor(Color.DARK_GRAY);
        g.drawString("runs", LEFT - 6 - fm.stringWidth("runs"), TOP - 10);
        // x axis: seconds
        double step = GanttChart.niceStep((hi - lo) / 8);
        for (double t = lo; t <= hi + 1e-9; t += step) {
            double px = x(t);
            g.setColor(Color.DARK_GRAY);
            g.draw(new Line2D.Double(px, bottom, px, bottom + 4));
            String s = number(t);
            g.drawString(s, (float) (px - fm.stringWidth(s) / 2.0), bottom + 4 + fm.getAscent());
        }
        g.draw(new Line2D.Double(LEFT, bottom, WIDTH - RIGHT, bottom));
        g.drawString("total time (s)", (float) (WIDTH - RIGHT - fm.stringWidth("total time (s)")),
                bottom + 8 + 2 * fm.getAscent());
        // bars
        g.setColor(BAR);
        for (int b = 0; b < counts.length; b++) {
            if (counts[b] == 0) {
                continue;
            }
            double x0 = x(binLo + b * binWidth);
            double x1 = x(binLo + (b + 1) * binWidth);
            double h = (bottom - TOP) * counts[b] / (double) max;
            g.fill(new Rectangle2D.Double(x0 + 0.5, bottom - h, Math.max(x1 - x0 - 1, 1), h));
        }
        // percentiles
        g.setColor(PERCENTILE);
        g.setStroke(new BasicStroke(1.2f));
        marker(g, fm, data.p50(), "p50", TOP + 14);
        marker(g, fm, data.p95(), "p95", TOP + 28);
        // exact bounds
        g.setColor(EXACT);
        g.setStroke(new BasicStroke(1.5f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10, new float[] {5, 4}, 0));
        if (!Double.isNaN(data.exactMin())) {
            marker(g, fm, data.exactMin(), "exact min " + number(data.exactMin()), TOP - 4);
        }
        if (!Double.isNaN(data.exactMax())) {
            if (Double.isInfinite(data.exactMax())) {
                g.drawString("exact max inf", (float) (WIDTH - RIGHT - fm.stringWidth("exact max inf")), TOP - 4);
            } else {
                marker(g, fm, data.exactMax(), "exact max " + number(data.exactMax()), TOP - 4);
            }
        }
        g.setStroke(new BasicStroke(1f));
        // legend
        int ly = HEIGHT - 14;
        g.setColor(BAR);
        g.fill(new Rectangle2D.Double(LEFT, ly - 9, 18, 10));
        g.setColor(Color.BLACK);
        String runs = data.totals().length + " finished runs" + (data.deadlocked() > 0 ? " (" + data.deadlocked()
                + " deadlocked, not shown)" : "");
        g.drawString(runs, LEFT + 24, ly);
        double lx = LEFT + 24 + fm.stringWidth(runs) + 20;
        g.setColor(EXACT);
        g.setStroke(new BasicStroke(1.5f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10, new float[] {5, 4}, 0));
        g.draw(new Line2D.Double(lx + 9, ly - 11, lx + 9, ly + 2));
        g.setStroke(new BasicStroke(1f));
        g.setColor(Color.BLACK);
        g.drawString("exact least and greatest total", (float) (lx + 24), ly);
    }

    private void marker(Graphics2D g, FontMetrics fm, double t, String label, int labelY) {
        if (Double.isNaN(t)) {
            return;
        }
        double px = x(t);
        g.draw(new Line2D.Double(px, TOP, px, HEIGHT - BOTTOM));
        boolean right = px < WIDTH / 2.0;
        float tx = right ? (float) (px + 3) : (float) (px - 3 - fm.stringWidth(label));
        g.drawString(label, tx, labelY);
    }

    private static String number(double t) {
        if (t == Math.rint(t) && Math.abs(t) < 1e12) {
            return Long.toString((long) t);
        }
        return String.format(Locale.ROOT, "%.3f", t).replaceAll("0+$", "").replaceAll("\\.$", "");
    }
}
