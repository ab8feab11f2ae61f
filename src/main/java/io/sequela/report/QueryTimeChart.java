package io.sequela.report;

import io.sequela.analysis.QuerySample;
import java.util.List;
import java.util.Locale;

/** An inline SVG scatter chart (no script, works offline): query time (ms) against time into the run (s), one colour per worker. */
final class QueryTimeChart {

  private static final int W = 900;
  private static final int H = 320;
  private static final int PAD = 50;
  private static final String[] COLOURS = {"#4572a7", "#aa4643", "#89a54e", "#80699b", "#3d96ae", "#db843d", "#92a8cd", "#a47d7c"};

  private QueryTimeChart() {}

  static String svg(List<QuerySample> samples, int workers) {
    long t0 = samples.stream().mapToLong(QuerySample::startNanos).min().orElse(0);
    double spanS = Math.max(1e-3, samples.stream().mapToLong(q -> q.startNanos() - t0).max().orElse(0) / 1e9);
    double maxMs = Math.max(1e-3, samples.stream().mapToLong(QuerySample::durationNanos).max().orElse(0) / 1e6);
    StringBuilder b = new StringBuilder(String.format(Locale.ROOT,
        "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\" font-size=\"11\">%n", W, H));
    b.append(String.format(Locale.ROOT, "<line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" stroke=\"#888\"/>"
        + "<line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" stroke=\"#888\"/>%n", PAD, H - PAD, W - 10, H - PAD, PAD, 10, PAD, H - PAD));
    b.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\">%.3f ms</text><text x=\"2\" y=\"%d\">0</text>"
        + "<text x=\"%d\" y=\"%d\">%.2f s into the run</text>%n", 2, 20, maxMs, H - PAD, W - 150, H - 15, spanS));
    for (QuerySample q : samples) {
      double x = PAD + (q.startNanos() - t0) / 1e9 / spanS * (W - PAD - 20);
      double y = H - PAD - q.durationNanos() / 1e6 / maxMs * (H - PAD - 20);
      b.append(String.format(Locale.ROOT, "<circle cx=\"%.1f\" cy=\"%.1f\" r=\"2\" fill=\"%s\"><title>worker %d, %s: %.3f ms, %d rows</title></circle>%n",
          x, y, COLOURS[(q.worker() - 1) % COLOURS.length], q.worker(), InterimReportFolder.escape(q.host()),
          q.durationNanos() / 1e6, q.rows()));
    }
    for (int w = 1; w <= workers; w++) {
      b.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\" fill=\"%s\">worker %d</text>%n",
          PAD + 10 + (w - 1) * 75 % (W - 100), H - 15, COLOURS[(w - 1) % COLOURS.length], w));
    }
    return b.append("</svg>\n").toString();
  }
}
