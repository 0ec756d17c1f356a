package org.splitscope.app.blocks;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import org.splitscope.view.featuremaps.FeatureMaps;
import org.splitscope.analysis.SplitContributions;
import org.splitscope.app.session.ImageCapture;
import org.splitscope.app.session.Session;
import org.splitscope.model.AttentionWords;
import org.splitscope.model.ResidualBlock;

/**
 * The block navigator: the model's stages and split-attention blocks with their entropy on the
 * current image, and the choices of cardinal group and split the selected block allows.
 */
public final class BlocksViewModel {
    private final Session session;
    private final ReadOnlyObjectWrapper<List<StageInfo>> stages = new ReadOnlyObjectWrapper<>(this, "stages", List.of());
    private final ReadOnlyObjectWrapper<List<Choice>> groups = new ReadOnlyObjectWrapper<>(this, "groups", List.of());
    private final ReadOnlyObjectWrapper<List<Choice>> splits = new ReadOnlyObjectWrapper<>(this, "splits", List.of());
    private final javafx.beans.property.ReadOnlyStringWrapper splitName =
            new javafx.beans.property.ReadOnlyStringWrapper(this, "splitName", "Split");

    /** A selectable value with its label ("all groups", "k = 1", "V (fused)", "U_0"). */
    public record Choice(int value, String label) {
        @Override
        public String toString() {
            return label;
        }
    }

    /** What the bars mean, said for the open model's radix (a sigmoid gate with R = 1 is no share over splits). */
    public static String legend(List<StageInfo> stages) {
        List<BlockInfo> all = stages.stream().flatMap(s -> s.blocks().stream()).toList();
        boolean gates = all.stream().anyMatch(b -> b.radix() == 1);
        boolean splits = all.stream().anyMatch(b -> b.radix() >= 2);
        if (!all.isEmpty() && all.stream().allMatch(b -> b.words().channelGate())) {
            return "bar: binary entropy of the " + all.get(0).words().name() + " sigmoid gate (1 = gate at ½)";
        }
        if (!all.isEmpty() && all.stream().allMatch(b -> b.words().sk())) {
            return "bar: attention entropy over the " + all.get(0).words().unitsInWords() + " (1 = uniform)";
        }
        if (gates && !splits) {
            return "bar: binary entropy of the sigmoid gate (R = 1: one split, no choice between splits; 1 = gate at ½)";
        }
        return "bar: attention entropy over splits (1 = uniform)"
                + (gates ? "; R = 1 blocks: binary entropy of the sigmoid gate" : "");
    }

    /** The bar of one block in words, for its tooltip. */
    public static String barTooltip(BlockInfo b) {
        String value = Double.isNaN(b.entropy()) ? "not captured yet" : String.format(java.util.Locale.ROOT, "%.4f",
                b.entropy());
        AttentionWords w = b.words();
        if (w.channelGate()) {
            return b.name() + ": binary entropy of the " + w.name() + " sigmoid gate, mean over channels = " + value
                    + " (1 = gate at ½, 0 = gate at 0 or 1)";
        }
        if (w.sk()) {
            return b.name() + ": attention entropy over the " + b.radix() + " " + w.unitsInWords()
                    + ", softmax over paths, H / ln M, mean over channels = " + value
                    + " (1 = uniform, 0 = one path takes all)";
        }
        return b.radix() == 1
                ? b.name() + ": binary entropy of the sigmoid gate, mean over channels = " + value
                        + " (R = 1: 1 = gate at ½, 0 = gate at 0 or 1)"
                : b.name() + ": attention entropy over the " + b.radix() + " splits, H / ln R, mean over channels = "
                        + value + " (1 = uniform, 0 = one split takes all)";
    }

    public BlocksViewModel(Session session) {
        this.session = session;
        session.modelProperty().addListener((obs, old, now) -> rebuild());
        session.captureProperty().addListener((obs, old, now) -> {
            rebuild();
            choices();
        });
        session.blockProperty().addListener((obs, old, now) -> choices());
        rebuild();
    }

    private void rebuild() {
        ImageCapture capture = session.capture();
        Map<String, List<BlockInfo>> byStage = new LinkedHashMap<>();
        for (ResidualBlock b : session.attentionBlocks()) {
            String stage = b.name().substring(0, b.name().indexOf('.'));
            double entropy = capture == null || capture.model() != session.modelProperty().get()
                    ? Double.NaN : capture.entropy().getOrDefault(b.name(), Double.NaN);
            byStage.computeIfAbsent(stage, s -> new ArrayList<>()).add(new BlockInfo(b.name(),
                    Integer.parseInt(stage.substring("layer".length())), b.radix(), b.cardinality(), b.channels(), entropy,
                    AttentionWords.of(b)));
        }
        List<StageInfo> out = new ArrayList<>();
        byStage.forEach((name, blocks) -> out.add(new StageInfo(name, List.copyOf(blocks))));
        if (!out.equals(stages.get())) {
            stages.set(List.copyOf(out));
        }
    }

    private void choices() {
        BlockInfo b = find(session.blockProperty().get());
        List<Choice> g = new ArrayList<>();
        List<Choice> s = new ArrayList<>();
        if (b != null) {
            g.add(new Choice(SplitContributions.ALL_GROUPS, b.cardinality() == 1 ? "k = 0 (only group)" : "all groups"));
            if (b.cardinality() > 1) {
                for (int k = 0; k < b.cardinality(); k++) {
                    g.add(new Choice(k, "k = " + k));
                }
            }
            for (int r = 0; r < b.radix(); r++) {
                s.add(new Choice(r, b.words().map(r)));
            }
            s.add(new Choice(FeatureMaps.FUSED, b.words().output()));
        }
        // never "split" for SE/ECA (X or X·g) or SK (a path's map U_m or V): there the choice is between maps
        splitName.set(b != null && (b.words().sk() || b.words().channelGate()) ? "Map" : "Split");
        if (!g.equals(groups.get())) {
            groups.set(List.copyOf(g));
        }
        if (!s.equals(splits.get())) {
            splits.set(List.copyOf(s));
        }
    }

    public BlockInfo find(String name) {
        if (name == null) {
            return null;
        }
        for (StageInfo stage : stages.get()) {
            for (BlockInfo b : stage.blocks()) {
                if (b.name().equals(name)) {
                    return b;
                }
            }
        }
        return null;
    }

    /** Every block in forward order. */
    public List<BlockInfo> blocks() {
        return stages.get().stream().flatMap(s -> s.blocks().stream()).toList();
    }

    public void select(String name) {
        session.blockProperty().set(name);
    }

    /** The next (+1) or previous (-1) block in forward order. */
    public void step(int direction) {
        List<BlockInfo> all = blocks();
        for (int i = 0; i < all.size(); i++) {
            if (all.get(i).name().equals(session.blockProperty().get())) {
                int j = Math.max(0, Math.min(all.size() - 1, i + direction));
                select(all.get(j).name());
                return;
            }
        }
        if (!all.isEmpty()) {
            select(all.get(0).name());
        }
    }

    public ReadOnlyObjectProperty<List<StageInfo>> stagesProperty() {
        return stages.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<List<Choice>> groupChoicesProperty() {
        return groups.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<List<Choice>> splitChoicesProperty() {
        return splits.getReadOnlyProperty();
    }

    /** The name of the split choice for the selected block: "Split", or "Map" for SE/ECA (X, X·g) and SK (U_m, V). */
    public javafx.beans.property.ReadOnlyStringProperty splitNameProperty() {
        return splitName.getReadOnlyProperty();
    }

    public Session session() {
        return session;
    }
}
