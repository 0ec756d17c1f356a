package org.splitscope.model;

import static org.splitscope.input.Preprocessing.Interpolation.BICUBIC;
import static org.splitscope.input.Preprocessing.Interpolation.BILINEAR;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.splitscope.input.Preprocessing;
import org.splitscope.input.Preprocessing.Interpolation;

/**
 * Every public ResNeSt variant: timm's (names as on the Hugging Face hub, {@code timm/resnest50d...})
 * and the official release (zhanghang1989/ResNeSt, including the "fast" ablation models, which put
 * the avd pool first); and timm's SE, ECA and SK networks ({@link FamilyPresets}). All use ImageNet
 * mean/std and 1000 classes.
 */
public final class Presets {
    private static final Map<String, Preset> ALL = new LinkedHashMap<>();

    static {
        // timm: deep stem, avg-down, avd after the split-attention conv unless noted.
        timm("resnest14d", base(1, 1, 1, 1).stemWidth(32), 224, 0.875, BILINEAR);
        timm("resnest26d", base(2, 2, 2, 2).stemWidth(32), 224, 0.875, BILINEAR);
        timm("resnest50d", base(3, 4, 6, 3).stemWidth(32), 224, 0.875, BILINEAR);
        timm("resnest101e", base(3, 4, 23, 3).stemWidth(64), 256, 0.875, BILINEAR);
        timm("resnest200e", base(3, 24, 36, 3).stemWidth(64), 320, 0.909, BICUBIC);
        timm("resnest269e", base(3, 30, 48, 8).stemWidth(64), 416, 0.928, BICUBIC);
        timm("resnest50d_4s2x40d", ablation(4, 2, 40), 224, 0.875, BICUBIC);
        timm("resnest50d_1s4x24d", ablation(1, 4, 24), 224, 0.875, BICUBIC);

        // Official release: the same networks; the eval transform resizes to crop/0.875 with bilinear.
        official("resnest50", base(3, 4, 6, 3).stemWidth(32), 224);
        official("resnest101", base(3, 4, 23, 3).stemWidth(64), 256);
        official("resnest200", base(3, 24, 36, 3).stemWidth(64), 320);
        official("resnest269", base(3, 30, 48, 8).stemWidth(64), 416);
        official("resnest50_fast_1s1x64d", ablation(1, 1, 64), 224);
        official("resnest50_fast_2s1x64d", ablation(2, 1, 64), 224);
        official("resnest50_fast_4s1x64d", ablation(4, 1, 64), 224);
        official("resnest50_fast_1s2x40d", ablation(1, 2, 40), 224);
        official("resnest50_fast_2s2x40d", ablation(2, 2, 40), 224);
        official("resnest50_fast_4s2x40d", ablation(4, 2, 40), 224);
        official("resnest50_fast_1s4x24d", ablation(1, 4, 24), 224);

        FamilyPresets.all().forEach(p -> ALL.put(p.name(), p));
    }

    private Presets() {}

    private static ResNeStConfig.Builder base(int... layers) {
        return ResNeStConfig.builder().layers(layers);
    }

    /** ResNeSt-50 layout with the avd pool first, as in the paper's radix/cardinality ablation. */
    private static ResNeStConfig.Builder ablation(int radix, int cardinality, int width) {
        return base(3, 4, 6, 3).stemWidth(32).radix(radix).cardinality(cardinality)
                .bottleneckWidth(width).avdFirst(true);
    }

    private static void timm(String name, ResNeStConfig.Builder config, int size, double crop, Interpolation interp) {
        ALL.put(name, new Preset(name, "timm", config.build(), Preprocessing.imagenet(size, crop, interp)));
    }

    private static void official(String name, ResNeStConfig.Builder config, int size) {
        ALL.put(name, new Preset(name, "official", config.build(), Preprocessing.imagenet(size, 0.875, BILINEAR)));
    }

    public static Optional<Preset> find(String name) {
        return Optional.ofNullable(ALL.get(name));
    }

    public static Collection<Preset> all() {
        return ALL.values();
    }
}
