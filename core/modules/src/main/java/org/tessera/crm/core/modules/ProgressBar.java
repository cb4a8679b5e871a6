package org.tessera.crm.core.modules;

import org.tessera.crm.core.api.imports.ImportJobDTO;

/** One line of text for a job's progress: {@code [#######.......]  45% 4500/10000 rows  1200 rows/s  about 5 s left}. */
final class ProgressBar {
    private ProgressBar() {
    }

    static String line(ImportJobDTO job, int width) {
        long total = Math.max(job.totalRows, job.rowsRead);
        int percent = total == 0 ? (job.state.isFinal() ? 100 : 0) : (int) (job.rowsRead * 100 / total);
        if (job.state.isFinal() && job.state.name().equals("DONE")) {
            percent = 100;
        }
        int filled = percent * width / 100;
        StringBuilder line = new StringBuilder("[");
        line.append("#".repeat(filled)).append(".".repeat(width - filled)).append("] ");
        line.append(String.format("%3d%% %d/%d rows", percent, job.rowsRead, total));
        if (job.rate > 0) {
            line.append(String.format("  %.0f rows/s", job.rate));
        }
        if (job.estimatedSecondsLeft != null && !job.state.isFinal()) {
            line.append("  about ").append(job.estimatedSecondsLeft).append(" s left");
        }
        line.append("  ").append(job.state);
        return line.toString();
    }
}
