package org.splitscope.model;

import java.util.ArrayList;
import java.util.List;

/** How a state dict's keys matched a network's parameters; empty lists mean a perfect fit. */
public record WeightReport(List<String> missing, List<String> unexpected, List<String> misShaped) {

    public boolean ok() {
        return missing.isEmpty() && unexpected.isEmpty() && misShaped.isEmpty();
    }

    /** One line naming the first few offending keys of each kind. */
    public String describe() {
        List<String> parts = new ArrayList<>();
        add(parts, "missing", missing);
        add(parts, "unexpected", unexpected);
        add(parts, "wrong shape", misShaped);
        return String.join("; ", parts);
    }

    private static void add(List<String> parts, String what, List<String> keys) {
        if (keys.isEmpty()) {
            return;
        }
        int shown = Math.min(keys.size(), 5);
        String more = keys.size() > shown ? " and " + (keys.size() - shown) + " more" : "";
        parts.add(keys.size() + " " + what + ": " + String.join(", ", keys.subList(0, shown)) + more);
    }
}
