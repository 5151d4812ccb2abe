package jp.bousai.relay.loadtest;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.imageio.ImageIO;
import org.HdrHistogram.Histogram;

/**
 * The report's two PNG plots, drawn with Java 2D (no plotting library): the latency percentiles
 * (p50, p99, max) of each second per channel, and each channel's latency distribution as a
 * percentile curve (x: 0 % to 99.99 % on a log scale of 1 / (1 - p)). Latency axes are
 * logarithmic, from 0.1 ms up.
 */
final class Plots {

    private static final int WIDTH = 1000;
    private static final int HEIGHT = 560;
    private static final int LEFT = 80;
    private static final int RIGHT = 170;
    private static final int TOP = 50;
    private static final int BOTTOM = 60;
    private static final Color[] COLOURS = {new Color(0x1f77b4), new Color(0xd62728), new Color(0x2ca02c),
        new Color(0x9467bd), new Color(0xff7f0e)};

    private Plots() {
    }

    /** One line of a plot. */
    private record Series(String name, Color colour, List<double[]> points, float[] dash) {
    }

    static void overTime(List<Deliveries> channels, String title, Path file) throws IOException {
        List<Series> series = new ArrayList<>();
        double lastSecond = 1;
        for (int c = 0; c < channels.size(); c++) {
            Deliveries channel = channels.get(c);
            List<double[]> p50 = new ArrayList<>();
            List<double[]> p99 = new ArrayList<>();
            List<double[]> max = new ArrayList<>();
            for (Deliveries.Second second : channel.timeline()) {
                p50.add(new double[] {second.atSeconds(), second.p50Ms()});
                p99.add(new double[] {second.atSeconds(), second.p99Ms()});
                max.add(new double[] {second.atSeconds(), second.maxMs()});
                lastSecond = Math.max(lastSecond, second.atSeconds());
            }
            Color colour = COLOURS[c % COLOURS.length];
            series.add(new Series(channel.channel() + " p50", colour, p50, null));
            series.add(new Series(channel.channel() + " p99", colour, p99, new float[] {6, 4}));
            series.add(new Series(channel.channel() + " max", colour, max, new float[] {1, 3}));
        }
        draw(title, "seconds into the run", series, 0, lastSecond, false, file);
    }

    static void distribution(List<Deliveries> channels, String title, Path file) throws IOException {
        List<Series> series = new ArrayList<>();
        for (int c = 0; c < channels.size(); c++) {
            Histogram histogram = channels.get(c).total();
            List<double[]> points = new ArrayList<>();
            if (histogram.getTotalCount() > 0) {
                for (double x = 0; x <= 4.0001; x += 0.02) {
                    double percentile = 100 * (1 - Math.pow(10, -x));
                    points.add(new double[] {x, histogram.getValueAtPercentile(percentile) / 1e6});
                }
            }
            series.add(new Series(channels.get(c).channel(), COLOURS[c % COLOURS.length], points, null));
        }
        draw(title, "percentile", series, 0, 4, true, file);
    }

    private static void draw(String title, String xLabel, List<Series> series, double xMin, double xMax,
                             boolean percentileAxis, Path file) throws IOException {
        BufferedImage image = new BufferedImage(WIDTH, HEIGHT, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, WIDTH, HEIGHT);
        double yMax = 0.1;
        for (Series line : series) {
            for (double[] point : line.points()) {
                yMax = Math.max(yMax, point[1]);
            }
        }
        double logMin = -1;
        double logMax = Math.ceil(Math.log10(yMax));
        int plotWidth = WIDTH - LEFT - RIGHT;
        int plotHeight = HEIGHT - TOP - BOTTOM;
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
        for (double decade = logMin; decade <= logMax; decade++) {
            int y = TOP + plotHeight - (int) ((decade - logMin) / (logMax - logMin) * plotHeight);
            g.setColor(new Color(0xdddddd));
            g.drawLine(LEFT, y, LEFT + plotWidth, y);
            g.setColor(Color.DARK_GRAY);
            g.drawString(label(Math.pow(10, decade)) + " ms", 8, y + 4);
        }
        for (int tick = 0; tick <= (percentileAxis ? 4 : 10); tick++) {
            double x = percentileAxis ? tick : xMin + (xMax - xMin) * tick / 10;
            int px = LEFT + (int) ((x - xMin) / (xMax - xMin) * plotWidth);
            g.setColor(new Color(0xdddddd));
            g.drawLine(px, TOP, px, TOP + plotHeight);
            g.setColor(Color.DARK_GRAY);
            String text = percentileAxis ? new String[] {"0%", "90%", "99%", "99.9%", "99.99%"}[tick]
                    : String.valueOf(Math.round(x));
            g.drawString(text, px - 12, TOP + plotHeight + 18);
        }
        g.drawString(xLabel, LEFT + plotWidth / 2 - 40, HEIGHT - 18);
        g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 15));
        g.drawString(title, LEFT, 28);
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
        int legendY = TOP + 10;
        for (Series line : series) {
            g.setColor(line.colour());
            g.setStroke(line.dash() == null ? new BasicStroke(2f)
                    : new BasicStroke(2f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_ROUND, 1f, line.dash(), 0f));
            int[] xs = new int[line.points().size()];
            int[] ys = new int[line.points().size()];
            for (int i = 0; i < xs.length; i++) {
                double[] point = line.points().get(i);
                xs[i] = LEFT + (int) ((point[0] - xMin) / (xMax - xMin) * plotWidth);
                double log = Math.log10(Math.max(point[1], Math.pow(10, logMin)));
                ys[i] = TOP + plotHeight - (int) ((log - logMin) / (logMax - logMin) * plotHeight);
            }
            g.drawPolyline(xs, ys, xs.length);
            g.drawLine(WIDTH - RIGHT + 15, legendY, WIDTH - RIGHT + 45, legendY);
            g.setColor(Color.BLACK);
            g.drawString(line.name(), WIDTH - RIGHT + 52, legendY + 4);
            legendY += 18;
        }
        g.setColor(Color.BLACK);
        g.setStroke(new BasicStroke(1f));
        g.drawRect(LEFT, TOP, plotWidth, plotHeight);
        g.dispose();
        ImageIO.write(image, "png", file.toFile());
    }

    private static String label(double value) {
        return value < 1 ? String.valueOf(value) : String.valueOf(Math.round(value));
    }
}
