package org.splitscope.capture;

import ai.djl.ndarray.NDArray;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.splitscope.SplitScopeException;
import org.splitscope.io.Printable;
import org.splitscope.model.CaptureSink;
import org.splitscope.model.ForwardingSink;
import org.splitscope.model.Mechanism;
import org.splitscope.model.ResNeSt;
import org.splitscope.model.ResidualBlock;

/**
 * The interventions of one forward, checked against the model: at most one per block, plus at most
 * one for {@code all}, which a block's own intervention overrides (so {@code all=uniform
 * layer3.1=onehot:0} leaves one block choosing split 0 and equalises the rest). Applied by wrapping
 * the forward's capture sink: the sink is told the attention that was used.
 */
public final class Interventions {
    /** No intervention: the plain network. */
    public static final Interventions NONE = new Interventions(List.of(), Map.of(), null);

    private final List<Intervention> list;
    private final Map<String, Intervention.Mode> byBlock;
    private final Intervention.Mode everyBlock;

    private Interventions(List<Intervention> list, Map<String, Intervention.Mode> byBlock, Intervention.Mode all) {
        this.list = List.copyOf(list);
        this.byBlock = Map.copyOf(byBlock);
        this.everyBlock = all;
    }

    /**
     * @throws SplitScopeException (one line) for an unknown block, a block given twice, or a split
     *     index ≥ R
     */
    public static Interventions of(List<Intervention> list, ResNeSt network) throws SplitScopeException {
        Map<String, Integer> radix = new LinkedHashMap<>();
        Map<String, Mechanism> mechanism = new LinkedHashMap<>();
        for (ResidualBlock b : network.attentionBlocks()) {
            radix.put(b.name(), b.radix());
            mechanism.put(b.name(), b.mechanism());
        }
        Map<String, Intervention.Mode> byBlock = new LinkedHashMap<>();
        Intervention.Mode all = null;
        // the model's words: a ResNeSt's split-attention blocks, a family model's attention blocks
        boolean splat = mechanism.values().stream().allMatch(m -> m == Mechanism.SPLAT);
        String kind = splat ? "split-attention" : "attention";
        for (Intervention i : list) {
            String where = "intervention '" + Printable.clean(i.text()) + "': ";
            if (radix.isEmpty()) {
                throw new SplitScopeException(where + "the model has no split-attention blocks (radix 0)");
            }
            if (!i.isAll() && !radix.containsKey(i.block())) {
                List<String> names = List.copyOf(radix.keySet());
                throw new SplitScopeException(where + "no " + kind + " block '" + Printable.clean(i.block())
                        + "' (blocks: " + names.get(0) + " … " + names.get(names.size() - 1) + ", or all)");
            }
            int r = i.isAll() ? radix.values().stream().mapToInt(Integer::intValue).min().orElseThrow()
                    : radix.get(i.block());
            Mechanism gate = (i.isAll() ? mechanism.values().stream() : java.util.stream.Stream.of(mechanism.get(i.block())))
                    .filter(m -> m == Mechanism.SE || m == Mechanism.ECA).findFirst().orElse(null);
            if (gate != null && i.mode() instanceof Intervention.OneHot) {
                // one split alone means nothing for a per-channel sigmoid gate: there is no other split
                throw new SplitScopeException(where + (i.isAll() ? "the blocks have" : i.block() + " has") + " a "
                        + gate.words() + " gate, a sigmoid per channel with no splits to choose between:"
                        + " use uniform (gate 1: the gate removed) or scale:0:F (the gate times F)");
            }
            boolean sk = (i.isAll() ? mechanism.values().stream() : java.util.stream.Stream.of(mechanism.get(i.block())))
                    .anyMatch(m -> m == Mechanism.SK);
            if (gate != null && i.mode().split() >= r) {
                throw new SplitScopeException(where + (i.isAll() ? "the blocks have" : i.block() + " has") + " a "
                        + gate.words() + " gate, one sigmoid per channel: scale:0:F scales the gate (there is no "
                        + "gate " + i.mode().split() + ")");
            }
            if (sk && i.mode().split() >= r) {
                throw new SplitScopeException(where + "path " + i.mode().split() + " does not exist: "
                        + (i.isAll() ? "the blocks have" : i.block() + " has") + " M = " + r + " selective-kernel paths"
                        + " (0 … " + (r - 1) + ")");
            }
            if (i.mode().split() >= r) {
                throw new SplitScopeException(where + "split " + i.mode().split() + " does not exist: "
                        + (i.isAll() ? "the blocks have" : i.block() + " has") + " R = " + r + " (r = 0"
                        + (r > 1 ? " … " + (r - 1) : "") + ")");
            }
            if (i.isAll() ? all != null : byBlock.containsKey(i.block())) {
                throw new SplitScopeException(where + i.block() + " is given more than one intervention");
            }
            if (i.isAll()) {
                all = i.mode();
            } else {
                byBlock.put(i.block(), i.mode());
            }
        }
        return new Interventions(list, byBlock, all);
    }

    /** Parses each {@code BLOCK=MODE} and checks them against the model. */
    public static Interventions parse(List<String> texts, ResNeSt network) throws SplitScopeException {
        List<Intervention> list = new ArrayList<>();
        for (String t : texts) {
            list.add(Intervention.parse(t));
        }
        return of(list, network);
    }

    /** As given, in order. */
    public List<Intervention> list() {
        return list;
    }

    public boolean isEmpty() {
        return list.isEmpty();
    }

    /** In words ("all blocks uniform"), null when nothing is forced: see {@link Intervention#describe(List)}. */
    public String describe() {
        return Intervention.describe(list);
    }

    /** What replaces the attention of {@code block}, if anything. */
    public Optional<Intervention.Mode> modeOf(String block) {
        return Optional.ofNullable(byBlock.getOrDefault(block, everyBlock));
    }

    /** The sink that forces the attention, then reports to {@code sink} what was used. */
    public CaptureSink around(CaptureSink sink) {
        if (isEmpty()) {
            return sink;
        }
        return new ForwardingSink(sink) {
            @Override
            public NDArray intervene(String block, NDArray attention) {
                NDArray forced = modeOf(block).map(m -> m.apply(attention)).orElse(attention);
                return super.intervene(block, forced);
            }
        };
    }

    @Override
    public String toString() {
        return String.join(" ", list.stream().map(Intervention::text).toList());
    }
}
