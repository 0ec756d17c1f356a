"""Writes the parity fixtures of the attention family (SE, ECA, SK, legacy SENet) into
src/test/resources/parity/family/, computed by timm's own modules:

    PYTHONPATH=/tmp/timm-src /usr/bin/python3 src/test/python/make_family_fixtures.py

where /tmp/timm-src holds timm's source (`git -C <pytorch-image-models> archive HEAD timm | tar -x -C
/tmp/timm-src`; written with timm 1.0.29.dev0 and Debian's PyTorch 1.13). timm is only imported
here, never copied. Per case:

    <case>.safetensors      the timm model's state dict (float32, no num_batches_tracked)
    <case>.expected.npz     input, logits, and per block <block>.attention [N, R, K, C/K],
                            <block>.gap [N, K, C/K]; for layer2.0 also <block>.splits [N, R, C, H, W]
                            and <block>.fused [N, C, H, W]
    cases.json              [{name, timm, config (SplitScope's ResNeStConfig), inputSize, blocks}]

SE/ECA: attention = the sigmoid gate (R = K = 1), gap = GAP of the branch entering the gate,
splits = that branch, fused = the gated branch. SK: attention = the softmax over the M paths,
gap = GAP(sum of paths), splits = the paths, fused = their weighted sum. Tiny widths keep the folder
small; BN statistics are random so that folding them is tested.
"""
import json
import os
import sys
from collections import OrderedDict
from functools import partial
from pathlib import Path

import numpy as np
import torch
from torch import nn

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from make_parity_fixtures import float_state, save_safetensors  # noqa: E402
from fixture_weights import randomize  # noqa: E402

from timm.layers import SEModule  # noqa: E402
from timm.models.resnet import BasicBlock, Bottleneck, ResNet  # noqa: E402
from timm.models.senet import SENet, SEResNetBlock, SEResNetBottleneck, SEResNeXtBottleneck  # noqa: E402
from timm.models.sknet import SelectiveKernelBasic, SelectiveKernelBottleneck  # noqa: E402

OUT = Path(__file__).resolve().parents[1] / "resources" / "parity" / "family"
BATCH = 2
BUDGET_BYTES = 2_500_000
SMALL = (4, 8, 16, 32)  # planes per stage (timm's `channels`)
SPLITS_BLOCK = "layer2.0"  # the block whose splits and fused output are saved


def config(**kw):
    """SplitScope's ResNeStConfig as JSON: a timm ResNet without avd, 10 classes, ImageNet stem stride."""
    base = dict(layers=[1, 1, 1, 1], radix=1, cardinality=1, bottleneckWidth=64, basePlanes=4, stemWidth=32,
                deepStem=False, avgDown=False, avd=False, avdFirst=False, numClasses=10, inChannels=3,
                stemStride=2, stemPool=True, block="BOTTLENECK", attention="SE", tieredStem=False,
                legacy=False, splitInput=False, attentionNorm=False, reduction=16, attentionDivisor=8,
                widths=None)
    base.update(kw)
    return base


def resnet(block, layers, **kw):
    return ResNet(block, layers=layers, channels=SMALL, num_classes=10, **kw)


class SmallSENet(SENet):
    """timm's legacy SENet with the planes of every stage divided by 16 (64..512 → 4..32)."""

    def _make_layer(self, block, planes, *args, **kwargs):
        return super()._make_layer(block, planes // 16, *args, **kwargs)


def legacy(block, expansion, reduction=16, **kw):
    model = SmallSENet(block, layers=[1, 1, 1, 1], reduction=reduction, num_classes=10, **kw)
    model.last_linear = nn.Linear(32 * expansion, 10)
    return model


def resnext_legacy_block():
    block = partial(SEResNeXtBottleneck, base_width=32)
    block.expansion = 4
    return block


SE_BN = partial(SEModule, norm_layer=nn.BatchNorm2d)
SK_BASIC = dict(rd_ratio=1 / 8, rd_divisor=16, split_input=True)       # skresnet18/34
SK_NEXT = dict(rd_ratio=1 / 16, rd_divisor=32, split_input=False)      # skresnext50_32x4d

# name -> (timm model factory, SplitScope config, input H = W)
CASES = OrderedDict([
    ("se_bottleneck_7x7", (lambda: resnet(Bottleneck, (1, 2, 1, 1), block_args=dict(attn_layer="se")),
                           config(layers=[1, 2, 1, 1]), 40)),
    ("se_resnext_deep_bn", (lambda: resnet(Bottleneck, (1, 1, 1, 1), cardinality=4, base_width=16, stem_width=8,
                                           stem_type="deep", avg_down=True, block_args=dict(attn_layer=SE_BN)),
                            config(cardinality=4, bottleneckWidth=16, stemWidth=8, deepStem=True, avgDown=True,
                                   attentionNorm=True), 40)),
    ("eca_bottleneck_tiered", (lambda: resnet(Bottleneck, (1, 1, 2, 1), stem_width=8, stem_type="deep_tiered",
                                              avg_down=True, block_args=dict(attn_layer="eca")),
                               config(layers=[1, 1, 2, 1], stemWidth=8, deepStem=True, tieredStem=True,
                                      avgDown=True, attention="ECA"), 40)),
    ("eca_basic_7x7", (lambda: resnet(BasicBlock, (1, 1, 1, 1), block_args=dict(attn_layer="eca")),
                       config(block="BASIC", attention="ECA"), 40)),
    ("se_basic_deep", (lambda: resnet(BasicBlock, (2, 1, 1, 1), stem_width=2, stem_type="deep", avg_down=True,
                                      block_args=dict(attn_layer="se")),
                       config(layers=[2, 1, 1, 1], block="BASIC", stemWidth=2, deepStem=True, avgDown=True), 40)),
    ("sk_basic_split", (lambda: resnet(SelectiveKernelBasic, (1, 1, 1, 1), block_args=dict(sk_kwargs=SK_BASIC)),
                        config(block="BASIC", attention="SK", radix=2, splitInput=True, reduction=8,
                               attentionDivisor=16), 40)),
    ("sk_bottleneck_nosplit", (lambda: resnet(SelectiveKernelBottleneck, (1, 1, 1, 1), cardinality=4, base_width=16,
                                              block_args=dict(sk_kwargs=SK_NEXT)),
                               config(attention="SK", radix=2, cardinality=4, bottleneckWidth=16,
                                      attentionDivisor=32), 40)),
    ("sk_bottleneck_split_deep", (lambda: resnet(SelectiveKernelBottleneck, (1, 1, 1, 1), stem_width=8,
                                                 stem_type="deep", avg_down=True,
                                                 block_args=dict(sk_kwargs=dict(split_input=True))),
                                  config(attention="SK", radix=2, splitInput=True, stemWidth=8, deepStem=True,
                                         avgDown=True), 40)),
    ("legacy_seresnet_bottleneck", (lambda: legacy(SEResNetBottleneck, 4, groups=1),
                                    config(legacy=True), 41)),
    ("legacy_seresnext", (lambda: legacy(resnext_legacy_block(), 4, groups=2),
                          config(legacy=True, cardinality=2, bottleneckWidth=32), 41)),
    # reduction 4: 16 would leave the 4-channel gates of these tiny planes no hidden unit
    ("legacy_seresnet_basic", (lambda: legacy(SEResNetBlock, 1, reduction=4, groups=1),
                               config(legacy=True, block="BASIC", reduction=4), 41)),
])


def attach(model, sink, maps=True):
    """Hooks on timm's modules: per block the gate (sigmoid of fc2 / conv, or SK's softmax), the pooled
    vector entering it, and (maps) the branch or paths it weighs and its output."""
    handles = []
    for name, block in model.named_modules():
        if name.count(".") != 1 or not name.startswith("layer") or name.startswith("layer0"):
            continue
        se = getattr(block, "se", None) or getattr(block, "se_module", None)
        sk = next((m for m in (getattr(block, "conv1", None), getattr(block, "conv2", None))
                   if m is not None and hasattr(m, "attn") and hasattr(m, "paths")), None)
        if se is not None:
            def pre(_m, inputs, name=name):
                x = inputs[0]
                sink[name + ".gap"] = x.mean((2, 3)).reshape(x.shape[0], 1, -1)
                if maps:
                    sink[name + ".splits"] = x.unsqueeze(1).clone()

            def gate(_m, _inputs, out, name=name):
                sink[name + ".attention"] = torch.sigmoid(out).reshape(out.shape[0], 1, 1, -1)

            def fused(_m, _inputs, out, name=name):
                sink[name + ".fused"] = out.clone()  # the block adds the shortcut in place

            handles.append(se.register_forward_pre_hook(pre))
            handles.append((se.conv if hasattr(se, "conv") else se.fc2).register_forward_hook(gate))
            if maps:
                handles.append(se.register_forward_hook(fused))
        elif sk is not None:
            def pre(_m, inputs, name=name):
                x = inputs[0]                                  # [N, M, C, H, W]
                sink[name + ".gap"] = x.sum(1).mean((2, 3)).reshape(x.shape[0], 1, -1)
                if maps:
                    sink[name + ".splits"] = x.clone()

            def gate(_m, _inputs, out, name=name):
                sink[name + ".attention"] = out.reshape(out.shape[0], out.shape[1], 1, -1)

            def fused(_m, _inputs, out, name=name):
                sink[name + ".fused"] = out.clone()  # the block adds the shortcut in place

            handles.append(sk.attn.register_forward_pre_hook(pre))
            handles.append(sk.attn.register_forward_hook(gate))
            if maps:
                handles.append(sk.register_forward_hook(fused))
    return handles


def block_entries(model, cfg):
    entries = []
    for name, block in model.named_modules():
        if name.count(".") != 1 or not name.startswith("layer") or name.startswith("layer0"):
            continue
        entries.append(dict(name=name, mechanism=cfg["attention"].lower()))
    return entries


def main():
    OUT.mkdir(parents=True, exist_ok=True)
    torch.manual_seed(21)
    index = []
    for name, (factory, cfg, size) in CASES.items():
        model = factory()
        randomize(model)
        model.eval()
        x = torch.randn(BATCH, 3, size, size)
        sink = {}
        handles = attach(model, sink)
        with torch.no_grad():
            logits = model(x)
        for h in handles:
            h.remove()
        arrays = {"input": x.numpy(), "logits": logits.numpy()}
        # the maps of one strided block only (layer2.0): the folder stays small
        arrays.update({k: v.detach().contiguous().numpy() for k, v in sink.items()
                       if not k.endswith((".splits", ".fused")) or k.startswith(SPLITS_BLOCK + ".")})
        save_safetensors(float_state(model), OUT / f"{name}.safetensors")
        np.savez_compressed(OUT / f"{name}.expected.npz", **arrays)
        blocks = block_entries(model, cfg)
        assert all(b["name"] + ".attention" in sink for b in blocks), name
        index.append(dict(name=name, timm=type(model).__name__ + " " + type(getattr(model, "layer1")[0]).__name__,
                          config=cfg, inputSize=[3, size, size], blocks=blocks))
    (OUT / "cases.json").write_text(json.dumps(index, indent=2) + "\n")
    total = sum(f.stat().st_size for f in OUT.iterdir())
    print(f"{len(index)} cases, {total / 1e6:.2f} MB in {OUT}")
    assert total <= BUDGET_BYTES, "fixtures exceed the size budget"


if __name__ == "__main__":
    main()
