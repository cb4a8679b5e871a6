package org.tessera.crm.itests.fuzz;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicInteger;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The verdict on every answer, and the counts a reader needs: statuses overall and by defect,
 * and each failure grouped by operation, defect and what was wrong, with one example request.
 */
public final class FuzzReport {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    /** One class of failure: an operation, a defect, and what was wrong with the answer. */
    public record FailureClass(String operation, Defect defect, String problem) implements Comparable<FailureClass> {
        @Override
        public int compareTo(FailureClass other) {
            return toString().compareTo(other.toString());
        }
    }

    private final Map<Integer, AtomicInteger> statuses = new TreeMap<>();
    private final Map<Defect, Map<Integer, AtomicInteger>> statusesByDefect = new TreeMap<>();
    private final Map<FailureClass, Occurrences> failures = new TreeMap<>();
    private final AtomicInteger requests = new AtomicInteger();

    public synchronized void record(FuzzRequest request, RawHttp.Answer answer) {
        requests.incrementAndGet();
        statuses.computeIfAbsent(answer.status(), status -> new AtomicInteger()).incrementAndGet();
        statusesByDefect.computeIfAbsent(request.defect(), defect -> new TreeMap<>())
                .computeIfAbsent(answer.status(), status -> new AtomicInteger()).incrementAndGet();
        String problem = problem(answer);
        if (problem != null) {
            fail(request, problem, answer.status() + " " + answer.contentType() + " " + abbreviate(answer.text()));
        }
    }

    /** The request got no HTTP answer at all: the connection was dropped or timed out. */
    public synchronized void recordNoAnswer(FuzzRequest request, Exception error) {
        requests.incrementAndGet();
        statuses.computeIfAbsent(0, status -> new AtomicInteger()).incrementAndGet();
        fail(request, "no HTTP answer", String.valueOf(error));
    }

    private void fail(FuzzRequest request, String problem, String answer) {
        Occurrences occurrences = failures.computeIfAbsent(new FailureClass(request.operation().key(), request.defect(), problem),
                key -> new Occurrences());
        occurrences.count++;
        if (occurrences.examples.size() < 2) {
            occurrences.examples.add(request.describe() + "\n        -> " + answer);
        }
    }

    /** How often a failure class occurred, and the first examples. */
    private static final class Occurrences {
        int count;
        final List<String> examples = new ArrayList<>();
    }

    /** What is wrong with the answer, or null when it keeps the error contract. */
    static String problem(RawHttp.Answer answer) {
        int status = answer.status();
        String text = answer.text();
        if (status >= 500) {
            return "status " + status;
        }
        if (text.contains("\tat ") || text.contains(".java:") || text.contains("Exception:")) {
            return "stack trace in the body";
        }
        if (status < 400) {
            return null;
        }
        if (!answer.contentType().startsWith("application/problem+json")) {
            return "a " + status + " that is not application/problem+json";
        }
        try {
            JsonNode problem = MAPPER.readTree(text);
            if (problem == null || !problem.isObject() || problem.path("status").asInt() != status) {
                return "a " + status + " whose problem body does not state its status";
            }
        } catch (Exception unparseable) {
            return "a " + status + " whose problem body is not JSON";
        }
        return null;
    }

    public synchronized int requests() {
        return requests.get();
    }

    /** The failure classes seen: an operation, a defect and the way its answer failed. */
    public synchronized List<FailureClass> failures() {
        return List.copyOf(failures.keySet());
    }

    public synchronized String summary() {
        StringBuilder text = new StringBuilder();
        text.append("requests: ").append(requests.get()).append("\nstatuses: ").append(histogram(statuses)).append('\n');
        text.append("statuses by defect:\n");
        statusesByDefect.forEach((defect, histogram) -> text.append("  ").append(defect).append(": ")
                .append(histogram(histogram)).append('\n'));
        text.append("failure classes: ").append(failures.size()).append('\n');
        failures.forEach((failure, occurrences) -> {
            text.append("  [FAILS] ")
                    .append(failure.operation()).append(" / ").append(failure.defect()).append(" / ").append(failure.problem())
                    .append(" x").append(occurrences.count).append('\n');
            occurrences.examples.forEach(example -> text.append("      ").append(example).append('\n'));
        });
        return text.toString();
    }

    private static String histogram(Map<Integer, AtomicInteger> counts) {
        StringBuilder text = new StringBuilder();
        counts.forEach((status, count) -> text.append(status == 0 ? "none" : status).append('=').append(count).append(' '));
        return text.toString().trim();
    }

    private static String abbreviate(String text) {
        String oneLine = text.replaceAll("\\s+", " ");
        return oneLine.length() > 300 ? oneLine.substring(0, 300) + "…" : oneLine;
    }
}
