package dev.cadenza.cli;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import dev.cadenza.verify.calibrate.ObservedRun;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Measured runs from files: the traces {@code cadenza run --trace} writes (JSON, one run each),
 * and the OpenStack traces' format (a directory with {@code transitions.tsv} — one row per
 * transition run: its run's key columns, component, behavior, transition, start_s, end_s — and
 * {@code deployment_times.tsv} — the key columns, failure, total_s; failed runs are left out),
 * rows kept when they match every {@code column=value} of {@code where}.
 */
final class TraceFiles {

    private TraceFiles() {
    }

    static List<ObservedRun> read(List<Path> files, Map<String, String> where) {
        List<ObservedRun> out = new ArrayList<>();
        for (Path f : files) {
            if (Files.isDirectory(f)) {
                out.addAll(tsv(f.resolve("transitions.tsv"), f.resolve("deployment_times.tsv"), where));
            } else if (f.getFileName().toString().endsWith(".tsv")) {
                Path parent = f.toAbsolutePath().getParent();
                out.addAll(tsv(f, parent == null ? null : parent.resolve("deployment_times.tsv"), where));
            } else {
                out.add(json(f));
            }
        }
        return out;
    }

    private static ObservedRun json(Path f) {
        String text = text(f);
        try {
            JsonObject o = JsonParser.parseString(text).getAsJsonObject();
            if (!o.has("cadenza_trace") || !o.has("transitions")) {
                throw new UserInputException(f + ": not a trace of cadenza run (no \"cadenza_trace\" and \"transitions\");"
                        + " give run's --trace files or an OpenStack traces directory");
            }
            Map<String, List<Double>> durations = new LinkedHashMap<>();
            for (JsonElement e : o.getAsJsonArray("transitions")) {
                JsonObject t = e.getAsJsonObject();
                if (t.has("duration") && !t.get("duration").isJsonNull()) {
                    durations.computeIfAbsent(t.get("component").getAsString() + "." + t.get("transition").getAsString(),
                            k -> new ArrayList<>()).add(t.get("duration").getAsDouble());
                }
            }
            Double total = o.has("total") && !o.get("total").isJsonNull() ? o.get("total").getAsDouble() : null;
            return new ObservedRun(f.toString(), total, durations);
        } catch (JsonParseException | IllegalStateException | UnsupportedOperationException | NullPointerException e) {
            throw new UserInputException(f + ": not a readable trace: " + e.getMessage());
        }
    }

    private static String text(Path f) {
        try {
            return Files.readString(f, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UserInputException(f + ": cannot be read (" + e.getMessage() + ")");
        }
    }

    private static final List<String> ROW = List.of("component", "behavior", "transition", "start_s", "end_s");

    private static List<ObservedRun> tsv(Path transitions, Path totals, Map<String, String> where) {
        if (!Files.isRegularFile(transitions)) {
            throw new UserInputException(transitions + ": no such file (an OpenStack traces directory holds transitions.tsv)");
        }
        List<String> lines = text(transitions).lines().toList();
        if (lines.isEmpty()) {
            return List.of();
        }
        List<String> header = List.of(lines.get(0).split("\t"));
        for (String col : ROW) {
            if (!header.contains(col)) {
                throw new UserInputException(transitions + ":1: no column '" + col + "'; the columns are " + header);
            }
        }
        for (String col : where.keySet()) {
            if (!header.contains(col)) {
                throw new UserInputException("cadenza calibrate: --where " + col + ": " + transitions
                        + " has no such column; its columns are " + header);
            }
        }
        List<String> key = header.stream().filter(c -> !ROW.contains(c)).toList();
        Map<String, Map<String, List<Double>>> runs = new LinkedHashMap<>();
        for (int i = 1; i < lines.size(); i++) {
            if (lines.get(i).isBlank()) {
                continue;
            }
            String[] cells = lines.get(i).split("\t", -1);
            if (cells.length != header.size()) {
                throw new UserInputException(transitions + ":" + (i + 1) + ": " + cells.length + " cells, the header has "
                        + header.size());
            }
            if (!matches(header, cells, where)) {
                continue;
            }
            String k = runKey(header, cells, key);
            try {
                // decimals subtracted exactly: 15.818 is 15.818, not 15.817999…
                double d = new java.math.BigDecimal(cells[header.indexOf("end_s")].strip())
                        .subtract(new java.math.BigDecimal(cells[header.indexOf("start_s")].strip())).doubleValue();
                runs.computeIfAbsent(k, x -> new LinkedHashMap<>()).computeIfAbsent(cells[header.indexOf("component")]
                        + "." + cells[header.indexOf("transition")], x -> new ArrayList<>()).add(d);
            } catch (NumberFormatException e) {
                throw new UserInputException(transitions + ":" + (i + 1) + ": start_s and end_s must be numbers");
            }
        }
        Map<String, Double> total = new LinkedHashMap<>();
        java.util.Set<String> failed = new java.util.HashSet<>();
        if (totals != null && Files.isRegularFile(totals)) {
            List<String> tl = text(totals).lines().toList();
            List<String> th = List.of(tl.get(0).split("\t"));
            for (int i = 1; i < tl.size(); i++) {
                String[] cells = tl.get(i).split("\t", -1);
                if (cells.length != th.size() || !matches(th, cells, where)) {
                    continue;
                }
                String k = runKey(th, cells, key);
                if (th.contains("failure") && !cells[th.indexOf("failure")].equals("0")) {
                    failed.add(k);
                } else if (th.contains("total_s")) {
                    total.put(k, Double.parseDouble(cells[th.indexOf("total_s")]));
                }
            }
        }
        List<ObservedRun> out = new ArrayList<>();
        runs.forEach((k, ds) -> {
            if (!failed.contains(k)) {
                out.add(new ObservedRun(k, total.get(k), ds));
            }
        });
        return out;
    }

    private static boolean matches(List<String> header, String[] cells, Map<String, String> where) {
        for (var e : where.entrySet()) {
            int i = header.indexOf(e.getKey());
            if (i < 0 || !cells[i].equals(e.getValue())) {
                return false;
            }
        }
        return true;
    }

    private static String runKey(List<String> header, String[] cells, List<String> key) {
        List<String> parts = new ArrayList<>();
        for (String k : key) {
            int i = header.indexOf(k);
            if (i >= 0) {
                parts.add(k + "=" + cells[i]);
            }
        }
        return String.join(" ", parts);
    }
}
