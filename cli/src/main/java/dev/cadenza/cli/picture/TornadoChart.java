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
import java.awt.geom.Ellipse2D;
import java.awt.geom.Line2D;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.Locale;

/**
 * Draws a {@link TornadoData}: one row per transition, most influential at the top; around a
 * zero line, the change of the total max (thick bar) and of the total min (thin bar below it)
 * when the transition's bounds move down (left of zero, when it makes the total shorter) and up
 * (right). Critical transitions carry a red dot. Painted once on a {@link Graphics2D}, as
 * {@link GanttChart} does: JFreeSVG for SVG, a bitmap for PNG.
 */
public final class TornadoChart {

    private static final int ROW = 26;
    private static final int MAX_BAR = 11;
    private static final int MIN_BAR = 5;
    private static final int PLOT_WIDTH = 560;
    private static final int PAD = 12;
    private static final int TOP = 50;
    private static final int AXIS = 30;
    private static final int LEGEND = 34;
    private static final Font FONT = new Font(Font.SANS_SERIF, Font.PLAIN, 12);
    private static final Font TITLE_FONT = new Font(Font.SANS_SERIF, Font.BOLD, 14);
    private static final Color FASTER = new Color(0x0072B2);
    private static final Color SLOWER = new Color(0xD55E00);
    private static final Color FASTER_PALE = new Color(0x8EC1E0);
    private static final Color SLOWER_PALE = new Color(0xF0B48A);
    private static final Color GRID = new Color(0xE0E0E0);
    private static final Color CRITICAL = new Color(0xCC0000);

    private final TornadoData data;
    /** The rows drawn: those where some total moves (the others are counted in a footnote). */
    private final java.util.List<TornadoData.Row> rows;
    private final int unchanged;
    private final int labelWidth;
    private final double range;
    private String idPrefix;

    private TornadoChart(TornadoData data) {
        this.data = data;
        this.rows = data.rows().stream().filter(TornadoChart::moves).toList();
        this.unchanged = data.rows().size() - rows.size();
        BufferedImage scratch = new BufferedImage(1, 1, BufferedImage.TYPE_INT_ARGB);
        Graphics2D g = scratch.createGraphics();
        FontMetrics fm = g.getFontMetrics(FONT);
        int widest = fm.stringWidth("transition");
        for (TornadoData.Row r : rows) {
            widest = Math.max(widest, fm.stringWidth(r.label()));
        }
        FontMetrics tm = g.getFontMetrics(TITLE_FONT);
        int title = tm.stringWidth(data.title());
        g.dispose();
        this.labelWidth = Math.max(widest + 2 * PAD + 10, title + 2 * PAD - PLOT_WIDTH);
        this.range = range(rows);
    }

    /** Some total moves (or is unknown: shown, not hidden). */
    private static boolean moves(TornadoData.Row r) {
        for (double v : new double[] {r.maxFaster(), r.maxSlower(), r.minFaster(), r.minSlower()}) {
            if (v != 0) {
                return true;
            }
        }
        return false;
    }

    public static void write(TornadoData data, Path out) {
        String name = out.getFileName().toString().toLowerCase(Locale.ROOT);
        TornadoChart chart = new TornadoChart(data);
        if (name.endsWith(".svg")) {
            OutputFile.write(out, chart.svg());
        } else if (name.endsWith(".png")) {
            OutputFile.write(out, part -> ImageIO.write(chart.png(2), "png", part.toFile()));
        } else {
            throw new UserInputException(out + ": cannot tell the chart format; end the file name with .svg or .png");
        }
    }

    /** An {@code <svg>} element to inline in HTML; each row's max bars get ids {@code PREFIX-row-I}. */
    public static String svgElement(TornadoData data, String idPrefix) {
        TornadoChart chart = new TornadoChart(data);
        chart.idPrefix = idPrefix;
        SVGGraphics2D g = new SVGGraphics2D(chart.width(), chart.height());
        chart.draw(g);
        return g.getSVGElement(idPrefix, true, new ViewBox(0, 0, chart.width(), chart.height()), null, null);
    }

    int width() {
        return labelWidth + PLOT_WIDTH + 3 * PAD + 40;
    }

    int height() {
        return TOP + Math.max(1, rows.size()) * ROW + (unchanged > 0 ? ROW : 0) + AXIS + LEGEND + PAD;
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

    private void draw(Graphics2D g) {
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setColor(Color.WHITE);
        g.fill(new Rectangle2D.Double(0, 0, width(), height()));
        g.setFont(TITLE_FONT);
        g.setColor(Color.BLACK);
        g.drawString(data.title(), PAD, 20);

        g.setFont(FONT);
        FontMetrics fm = g.getFontMetrics();
        int top = TOP;
        int bottom = TOP + Math.max(1, rows.size()) * ROW;
        g.setColor(Color.DARK_GRAY);
        g.drawString("shorter total", (float) labelWidth, top - 8);
        String longer = "longer total";
        g.drawString(longer, (float) (labelWidth + PLOT_WIDTH - fm.stringWidth(longer)), top - 8);

        // grid: symmetric ticks around 0
        double step = GanttChart.niceStep(range / 4);
        long ticks = (long) Math.floor(range / step + 1e-9);
        for (long k = -ticks; k <= ticks; k++) {
            double t = k * step;
            double x = x(t);
            g.setColor(k == 0 ? Color.DARK_GRAY : GRID);
            g.draw(new Line2D.Double(x, top, x, bottom));
            g.setColor(Color.DARK_GRAY);
            String text = k == 0 ? "0" : (k > 0 ? "+" : "-") + number(Math.abs(t));
            g.drawString(text, (float) (x - fm.stringWidth(text) / 2.0), bottom + 4 + fm.getAscent());
        }
        String unit = "change of the total time (s)";
        g.drawString(unit, (float) (labelWidth + PLOT_WIDTH / 2.0 - fm.stringWidth(unit) / 2.0),
                bottom + 6 + 2 * fm.getAscent());

        if (rows.isEmpty()) {
            g.setColor(Color.DARK_GRAY);
            g.drawString(data.rows().isEmpty() ? "no transition runs" : "no total moves", (float) (labelWidth + PAD),
                    top + ROW / 2f + 4);
        }
        for (int i = 0; i < rows.size(); i++) {
            TornadoData.Row r = rows.get(i);
            double mid = top + i * ROW + ROW / 2.0;
            g.setColor(Color.BLACK);
            g.drawString(r.label(), (float) (labelWidth - PAD - fm.stringWidth(r.label())), (float) (mid + 2));
            if (r.critical()) {
                g.setColor(CRITICAL);
                g.fill(new Ellipse2D.Double(labelWidth - PAD - fm.stringWidth(r.label()) - 11, mid - 3, 7, 7));
            }
            double maxY = mid - MAX_BAR + 2;
            double minY = mid + 4;
            id(g, "row-" + i + "-max-faster");
            bar(g, fm, r.maxFaster(), maxY, MAX_BAR, FASTER);
            id(g, "row-" + i + "-max-slower");
            bar(g, fm, r.maxSlower(), maxY, MAX_BAR, SLOWER);
            id(g, "row-" + i + "-min-faster");
            bar(g, fm, r.minFaster(), minY, MIN_BAR, FASTER_PALE);
            id(g, "row-" + i + "-min-slower");
            bar(g, fm, r.minSlower(), minY, MIN_BAR, SLOWER_PALE);
        }

        if (unchanged > 0) {
            g.setColor(Color.DARK_GRAY);
            String note = unchanged + (unchanged == 1 ? " more transition moves" : " more transitions move")
                    + " neither total (see the table)";
            g.drawString(note, PAD, (float) (bottom + AXIS + 16));
        }
        // legend
        double ly = bottom + AXIS + 14 + (unchanged > 0 ? ROW : 0);
        double lx = PAD;
        lx = legend(g, fm, lx, ly, FASTER, MAX_BAR, "bounds -" + data.deltaLabel());
        lx = legend(g, fm, lx, ly, SLOWER, MAX_BAR, "bounds +" + data.deltaLabel());
        lx = legend(g, fm, lx, ly, Color.GRAY, MAX_BAR, "thick: total max");
        lx = legend(g, fm, lx, ly, Color.LIGHT_GRAY, MIN_BAR, "thin: total min");
        g.setColor(CRITICAL);
        g.fill(new Ellipse2D.Double(lx, ly - 8, 7, 7));
        g.setColor(Color.BLACK);
        g.drawString("on a critical path", (float) (lx + 12), (float) ly);
    }

    private double legend(Graphics2D g, FontMetrics fm, double lx, double ly, Color c, int h, String text) {
        g.setColor(c);
        g.fill(new Rectangle2D.Double(lx, ly - 5 - h / 2.0, 18, h));
        g.setColor(Color.BLACK);
        g.drawString(text, (float) (lx + 24), (float) ly);
        return lx + 24 + fm.stringWidth(text) + 18;
    }

    /** A bar from 0 to {@code change}; unbounded: to the edge with an arrow and "inf"; unknown: "?". */
    private void bar(Graphics2D g, FontMetrics fm, double change, double y, int h, Color c) {
        if (Double.isNaN(change) || change == 0) {
            return;
        }
        g.setColor(c);
        if (Double.isInfinite(change)) {
            double x0 = x(0);
            double x1 = change > 0 ? x(range) : x(-range);
            g.fill(new Rectangle2D.Double(Math.min(x0, x1), y, Math.abs(x1 - x0), h));
            Polygon arrow = new Polygon();
            int dir = change > 0 ? 1 : -1;
            arrow.addPoint((int) x1, (int) y - 2);
            arrow.addPoint((int) x1 + 8 * dir, (int) (y + h / 2.0));
            arrow.addPoint((int) x1, (int) (y + h + 2));
            g.fill(arrow);
            g.setColor(Color.BLACK);
            g.drawString("inf", (float) (x1 + (dir > 0 ? 10 : -10 - fm.stringWidth("inf"))), (float) (y + h));
            return;
        }
        double x0 = x(0);
        double x1 = x(change);
        g.fill(new Rectangle2D.Double(Math.min(x0, x1), y, Math.max(Math.abs(x1 - x0), 1.5), h));
    }

    private void id(Graphics2D g, String what) {
        if (idPrefix != null && g instanceof SVGGraphics2D) {
            g.setRenderingHint(SVGHints.KEY_ELEMENT_ID, idPrefix + "-" + what);
        }
    }

    private double x(double change) {
        double c = Math.max(-range, Math.min(range, change));
        return labelWidth + PLOT_WIDTH / 2.0 + (PLOT_WIDTH / 2.0) * c / range;
    }

    /** The greatest finite change shown, with a little room; 1 when nothing changes. */
    private static double range(java.util.List<TornadoData.Row> rows) {
        double m = 0;
        for (TornadoData.Row r : rows) {
            for (double v : new double[] {r.maxFaster(), r.maxSlower(), r.minFaster(), r.minSlower()}) {
                if (!Double.isNaN(v) && !Double.isInfinite(v)) {
                    m = Math.max(m, Math.abs(v));
                }
            }
        }
        if (m <= 0) {
            return 1;
        }
        double step = GanttChart.niceStep(m / 4);
        return Math.ceil(m * 1.05 / step) * step;
    }

    private static String number(double t) {
        if (t == Math.rint(t) && Math.abs(t) < 1e12) {
            return Long.toString((long) t);
        }
        return String.format(Locale.ROOT, "%.3f", t).replaceAll("0+$", "").replaceAll("\\.$", "");
    }
}
