package org.splitscope.model;

import static org.splitscope.input.Preprocessing.Interpolation.BICUBIC;
import static org.splitscope.input.Preprocessing.Interpolation.BILINEAR;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.splitscope.input.Preprocessing;
import org.splitscope.input.Preprocessing.Interpolation;

/**
 * timm's pretrained SE, ECA and SK networks, per architecture and per pretrained tag: the
 * architecture as in timm's resnet.py, sknet.py and senet.py, the eval transform as in the tag's
 * pretrained config (input_size, crop_pct, interpolation; timm's default, not its test_input_size).
 * A bare architecture name ({@code seresnet50}) is timm's default tag for it.
 */
final class FamilyPresets {
    /** ecaresnet50d_pruned's blocks, [conv1, conv2, conv3] widths (timm's _pruned/ecaresnet50d_pruned.txt). */
    private static final String PRUNED_50 = "47/18/19 52/22/19 64/35/19 85/37/171 107/80/171 120/85/171 125/87/171"
            + " 198/126/818 255/232/818 256/233/818 253/235/818 256/225/818 256/239/818 492/237/2022 512/500/2022"
            + " 512/490/2022";
    private static final String PRUNED_101 = "45/25/26 53/20/26 60/27/26 81/24/142 93/49/142 102/54/142 122/78/142"
            + " 101/25/278 239/160/278 234/156/278 250/176/278 253/191/278 251/175/278 230/128/278 244/154/278"
            + " 244/159/278 238/97/278 244/149/278 253/181/278 245/119/278 255/216/278 256/201/278 253/149/278"
            + " 254/141/278 256/190/278 256/217/278 255/156/278 256/155/278 256/232/278 256/214/278 499/289/2042"
            + " 512/512/2042 512/502/2042";

    private final List<Preset> presets = new ArrayList<>();

    private FamilyPresets() {
        // SE (timm's ResNet with attn_layer 'se'); the first tag is timm's default
        ResNeStConfig.Builder seresnet50 = se(3, 4, 6, 3);
        add("seresnet50", seresnet50, tag("a1_in1k", 224, 0.95), tag("a2_in1k", 224, 0.95),
                tag("a3_in1k", 160, 0.95), tag("ra2_in1k", 224, 0.875));
        add("seresnet152d", d(se(3, 8, 36, 3)), tag("ra2_in1k", 256, 0.95));
        add("seresnext26d_32x4d", d(se(2, 2, 2, 2).cardinality(32).bottleneckWidth(4)), tag("bt_in1k", 224, 0.875));
        add("seresnext26t_32x4d", t(se(2, 2, 2, 2).cardinality(32).bottleneckWidth(4)), tag("bt_in1k", 224, 0.875));
        add("seresnext50_32x4d", se(3, 4, 6, 3).cardinality(32).bottleneckWidth(4),
                tag("racm_in1k", 224, 0.875), tag("gluon_in1k", 224, 0.875));
        add("seresnext101_32x8d", se(3, 4, 23, 3).cardinality(32).bottleneckWidth(8), tag("ah_in1k", 224, 0.95));
        add("seresnext101d_32x8d", d(se(3, 4, 23, 3).cardinality(32).bottleneckWidth(8)), tag("ah_in1k", 224, 0.95));

        // ECA (attn_layer 'eca'): the kernel per stage follows the widths
        add("ecaresnet26t", t(eca(2, 2, 2, 2)), tag("ra2_in1k", 256, 0.875));
        add("ecaresnetlight", eca(1, 1, 11, 3).avgDown(true), tag("miil_in1k", 224, 0.875));
        add("ecaresnet50d", d(eca(3, 4, 6, 3)), tag("miil_in1k", 224, 0.875));
        add("ecaresnet50d_pruned", d(eca(3, 4, 6, 3)).widths(widths(PRUNED_50)), tag("miil_in1k", 224, 0.875));
        add("ecaresnet50t", t(eca(3, 4, 6, 3)), tag("ra2_in1k", 256, 0.875), tag("a1_in1k", 224, 0.95),
                tag("a2_in1k", 224, 0.95), tag("a3_in1k", 160, 0.95));
        add("ecaresnet101d", d(eca(3, 4, 23, 3)), tag("miil_in1k", 224, 0.875));
        add("ecaresnet101d_pruned", d(eca(3, 4, 23, 3)).widths(widths(PRUNED_101)), tag("miil_in1k", 224, 0.875));
        add("ecaresnet269d", d(eca(3, 30, 48, 8)), tag("ra2_in1k", 320, 0.95));

        // SK (sknet.py): skresnet18/34 split the input, rd_ratio 1/8, divisor 16; skresnext50 does not, 1/16, 32
        add("skresnet18", skBasic(2, 2, 2, 2), tag("ra_in1k", 224, 0.875));
        add("skresnet34", skBasic(3, 4, 6, 3), tag("ra_in1k", 224, 0.875));
        add("skresnext50_32x4d", base(3, 4, 6, 3).attention(Mechanism.SK).radix(2).cardinality(32).bottleneckWidth(4)
                .attentionDivisor(32), tag("ra_in1k", 224, 0.875));

        // The SENet release (senet.py): weights on GitHub, not on the hub
        add("legacy_seresnet18", legacy(2, 2, 2, 2).block(BlockType.BASIC), tag("in1k", 224, 0.875, BICUBIC));
        add("legacy_seresnet34", legacy(3, 4, 6, 3).block(BlockType.BASIC), tag("in1k", 224, 0.875, BILINEAR));
        add("legacy_seresnet50", legacy(3, 4, 6, 3), tag("in1k", 224, 0.875, BILINEAR));
        add("legacy_seresnet101", legacy(3, 4, 23, 3), tag("in1k", 224, 0.875, BILINEAR));
        add("legacy_seresnet152", legacy(3, 8, 36, 3), tag("in1k", 224, 0.875, BILINEAR));
        add("legacy_seresnext26_32x4d", legacy(2, 2, 2, 2).cardinality(32).bottleneckWidth(4),
                tag("in1k", 224, 0.875, BICUBIC));
        add("legacy_seresnext50_32x4d", legacy(3, 4, 6, 3).cardinality(32).bottleneckWidth(4),
                tag("in1k", 224, 0.875, BILINEAR));
        add("legacy_seresnext101_32x4d", legacy(3, 4, 23, 3).cardinality(32).bottleneckWidth(4),
                tag("in1k", 224, 0.875, BILINEAR));
        // SENet-154: three-conv stem 64, 64, 128; conv1 half the grouped 3×3 conv (64 groups of 4 per 64
        // planes); 3×3 strided shortcut convs
        add("legacy_senet154", legacy(3, 8, 36, 3).deepStem(true).stemWidth(64).cardinality(64).bottleneckWidth(4)
                .reduceFirst(2).shortcutKernel(3), tag("in1k", 224, 0.875, BILINEAR));
    }

    static List<Preset> all() {
        return new FamilyPresets().presets;
    }

    private record Tag(String tag, int size, double crop, Interpolation interpolation) {}

    private static Tag tag(String tag, int size, double crop) {
        return new Tag(tag, size, crop, BICUBIC);
    }

    private static Tag tag(String tag, int size, double crop, Interpolation interpolation) {
        return new Tag(tag, size, crop, interpolation);
    }

    /** The architecture under its own name (timm's default tag, the first) and under each tag. */
    private void add(String arch, ResNeStConfig.Builder config, Tag... tags) {
        ResNeStConfig built = config.build();
        for (int i = 0; i <= tags.length; i++) {
            Tag t = tags[Math.max(0, i - 1)];
            String name = i == 0 ? arch : arch + "." + t.tag();
            presets.add(new Preset(name, "timm", built, Preprocessing.imagenet(t.size(), t.crop(), t.interpolation())));
        }
    }

    /** timm's ResNet defaults: 7×7 stem of 64, no avg-down, no avd, bottleneck. */
    private static ResNeStConfig.Builder base(int... layers) {
        return ResNeStConfig.builder().layers(layers).radix(1).cardinality(1).bottleneckWidth(64).basePlanes(64)
                .stemWidth(32).deepStem(false).avgDown(false).avd(false);
    }

    private static ResNeStConfig.Builder se(int... layers) {
        return base(layers).attention(Mechanism.SE);
    }

    private static ResNeStConfig.Builder eca(int... layers) {
        return base(layers).attention(Mechanism.ECA);
    }

    private static ResNeStConfig.Builder skBasic(int... layers) {
        return base(layers).block(BlockType.BASIC).attention(Mechanism.SK).radix(2).splitInput(true)
                .reduction(8).attentionDivisor(16);
    }

    private static ResNeStConfig.Builder legacy(int... layers) {
        return se(layers).legacy(true);
    }

    /** "d": deep stem of 32, 32, 64 and avg-down. */
    private static ResNeStConfig.Builder d(ResNeStConfig.Builder b) {
        return b.deepStem(true).stemWidth(32).avgDown(true);
    }

    /** "t": tiered deep stem of 24, 32, 64 and avg-down. */
    private static ResNeStConfig.Builder t(ResNeStConfig.Builder b) {
        return d(b).tieredStem(true);
    }

    private static List<List<Integer>> widths(String table) {
        return Arrays.stream(table.split(" "))
                .map(block -> Arrays.stream(block.split("/")).map(Integer::valueOf).toList()).toList();
    }
}
