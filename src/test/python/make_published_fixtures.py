"""Parity fixtures made by the published code's own modules, in the formats the weights ship in.

Writes src/test/resources/published/: small networks with the stem every published ResNeSt uses
(deep 3x3 stem, stride 2, 3x3/2 max-pool), random weights, built from

  * the official code (github.com/zhanghang1989/ResNeSt, resnest/torch/models: ResNet, Bottleneck,
    SplAtConv2d), saved as the release files are: torch.save(state_dict) (zip) and the legacy
    (pre-1.6) pickle format;
  * timm (github.com/huggingface/pytorch-image-models, timm/models/resnet.py + resnest.py:
    ResNet, ResNestBottleneck, SplitAttn), saved as the Hugging Face repositories hold them:
    model.safetensors and pytorch_model.bin (torch.save, zip).

Neither project is copied here: fetch both and put their source folders on PYTHONPATH, e.g.

    git -C <timm mirror> archive HEAD timm | tar -x -C /tmp/ref/timm
    git -C <ResNeSt mirror> archive HEAD resnest | tar -x -C /tmp/ref/resnest
    PYTHONPATH=/tmp/ref/timm:/tmp/ref/resnest /usr/bin/python3 src/test/python/make_published_fixtures.py

(PyTorch 1.13, Debian's python3-torch). Per case: <case>.<ext> (the checkpoint), <case>.input.npy,
<case>.expected.npz (logits, <block>.attention [N,R,K,C/K], <block>.gap [N,K,C/K], hooked on
the published modules' own fc1 input and r-softmax output), and cases.json.

The official ResNet fixes its stage widths at 64..512 (about 10 M parameters even with one block per
stage), too big to commit: its four stages are rebuilt narrower with the class's own _make_layer,
exactly as its constructor does for the non-dilated network.
"""
import json
import os
import sys
import types
import zlib
from collections import OrderedDict
from pathlib import Path

import numpy as np
import torch
from torch import nn

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from make_parity_fixtures import randomize, save_safetensors  # noqa: E402  (the same weights and F32 writer)

OUT = Path(__file__).resolve().parents[1] / "resources" / "published"
BATCH = 2
SIZE = 64            # 64 / 32 = a 2x2 map in the last stage
WIDTHS = (4, 8, 16, 32)


def official_modules():
    # resnest/torch/models/build.py only registers model names with fvcore's Registry, which is not
    # installed here; a registry that remembers nothing changes no module definition.
    if "fvcore" not in sys.modules:
        try:
            import fvcore.common.registry  # noqa: F401
        except ImportError:
            class Registry:
                def __init__(self, name):
                    self.name = name

                def register(self, obj=None):
                    return obj if obj is not None else (lambda f: f)
            fv, common, registry = (types.ModuleType(n) for n in ("fvcore", "fvcore.common", "fvcore.common.registry"))
            registry.Registry = Registry
            fv.common, common.registry = common, registry
            sys.modules.update({"fvcore": fv, "fvcore.common": common, "fvcore.common.registry": registry})
    from resnest.torch.models import resnet
    return resnet


def official(radix, groups, bottleneck_width, avd_first):
    resnet = official_modules()
    stem_width = 4
    model = resnet.ResNet(resnet.Bottleneck, [1, 1, 1, 1], radix=radix, groups=groups,
                          bottleneck_width=bottleneck_width, deep_stem=True, stem_width=stem_width,
                          avg_down=True, avd=True, avd_first=avd_first, num_classes=10)
    # the constructor's own calls (non-dilated), at narrower widths
    model.inplanes = stem_width * 2
    norm = nn.BatchNorm2d
    model.layer1 = model._make_layer(resnet.Bottleneck, WIDTHS[0], 1, norm_layer=norm, is_first=False)
    model.layer2 = model._make_layer(resnet.Bottleneck, WIDTHS[1], 1, stride=2, norm_layer=norm)
    model.layer3 = model._make_layer(resnet.Bottleneck, WIDTHS[2], 1, stride=2, norm_layer=norm)
    model.layer4 = model._make_layer(resnet.Bottleneck, WIDTHS[3], 1, stride=2, norm_layer=norm)
    model.fc = nn.Linear(WIDTHS[3] * resnet.Bottleneck.expansion, 10)
    return model


def timm_model(radix, cardinality, base_width, avd_first):
    from timm.models.resnet import ResNet
    from timm.models.resnest import ResNestBottleneck
    return ResNet(block=ResNestBottleneck, layers=[1, 1, 1, 1], channels=WIDTHS, stem_type="deep", stem_width=4,
                  avg_down=True, base_width=base_width, cardinality=cardinality, num_classes=10,
                  block_args=dict(radix=radix, avd=True, avd_first=avd_first))


# name -> (builder, arguments, checkpoint files written)
CASES = OrderedDict([
    # resnest50's block (radix 2, one group, avd after the split conv)
    ("official_r2k1", (official, dict(radix=2, groups=1, bottleneck_width=64, avd_first=False), ["pth", "legacy.pth"])),
    # a fast ablation variant (resnest50_fast_1s2x40d: radix 1, two groups, width 40, avd before the
    # split conv); 2s2x40d's widths do not divide into 4 groups at these narrow stages
    ("official_fast_r1k2", (official, dict(radix=1, groups=2, bottleneck_width=40, avd_first=True), ["pth"])),
    # timm's resnest50d block
    ("timm_r2k1", (timm_model, dict(radix=2, cardinality=1, base_width=64, avd_first=False), ["safetensors"])),
    # timm's resnest50d_4s2x40d layout (radix 4, two groups, avd first; width 64 so 8 groups divide)
    ("timm_r4k2_avdfirst", (timm_model, dict(radix=4, cardinality=2, base_width=64, avd_first=True),
                            ["safetensors", "bin"])),
])


def split_attention_blocks(model):
    """(name, split-attention module) for every block whose conv2 has fc1 and an r-softmax."""
    return [(name, m.conv2) for name, m in model.named_modules()
            if hasattr(m, "conv2") and hasattr(m.conv2, "rsoftmax") and hasattr(m.conv2, "fc1")]


@torch.no_grad()
def capture(model, x):
    sink, handles = {}, []
    for name, sa in split_attention_blocks(model):
        k = sa.rsoftmax.cardinality
        r = sa.rsoftmax.radix

        def on_gap(_m, inputs, name=name, k=k):
            g = inputs[0]
            sink[name + ".gap"] = g.reshape(g.shape[0], k, -1).clone()

        def on_attention(_m, _inputs, out, name=name, k=k, r=r):
            sink[name + ".attention"] = out.reshape(out.shape[0], r, k, -1).clone()

        handles.append(sa.fc1.register_forward_pre_hook(on_gap))
        handles.append(sa.rsoftmax.register_forward_hook(on_attention))
    try:
        logits = model(x)
    finally:
        for h in handles:
            h.remove()
    return logits, sink


def float_state(model):
    return OrderedDict((k, v) for k, v in model.state_dict().items() if not k.endswith("num_batches_tracked"))


def main():
    OUT.mkdir(parents=True, exist_ok=True)
    for f in OUT.iterdir():
        f.unlink()
    index = []
    for name, (builder, kwargs, formats) in CASES.items():
        torch.manual_seed(zlib.crc32(name.encode()))
        model = builder(**kwargs)
        randomize(model)
        model.eval()
        x = torch.randn(BATCH, 3, SIZE, SIZE)
        logits, captured = capture(model, x)
        assert captured, name
        files = []
        for fmt in formats:
            path = OUT / f"{name}.{fmt}"
            if fmt == "safetensors":
                save_safetensors(float_state(model), path)
            elif fmt == "legacy.pth":
                torch.save(model.state_dict(), path, _use_new_zipfile_serialization=False)
            else:
                torch.save(model.state_dict(), path)
            files.append(path.name)
            # what was written reloads into a fresh module and computes the same
            again = builder(**kwargs).eval()
            sd = torch.load(path) if fmt != "safetensors" else None
            if sd is None:
                from make_parity_fixtures import load_safetensors
                sd = load_safetensors(path)
            missing, unexpected = again.load_state_dict(sd, strict=False)
            assert not unexpected and all(k.endswith("num_batches_tracked") for k in missing), (missing, unexpected)
            assert torch.equal(again(x), logits), (name, fmt)
        arrays = {"logits": logits.numpy()}  # the input is <case>.input.npy
        arrays.update({k: v.numpy() for k, v in captured.items()})
        np.savez(OUT / f"{name}.expected.npz", **arrays)
        np.save(OUT / f"{name}.input.npy", x.numpy())
        attn = [v for k, v in captured.items() if k.endswith("attention")]
        index.append({"name": name, "source": "official" if builder is official else "timm",
                      "files": files, "blocks": sorted(k[:-len(".attention")] for k in captured if k.endswith(".attention")),
                      "avdFirst": kwargs["avd_first"], "module": dict(kwargs)})
        print(f"{name:20s} params={sum(t.numel() for t in float_state(model).values()):6d} "
              f"logits std={float(logits.std()):.3f} attention range=[{min(float(a.min()) for a in attn):.3f}, "
              f"{max(float(a.max()) for a in attn):.3f}] files={files}")
    (OUT / "cases.json").write_text(json.dumps(index, indent=2) + "\n")
    total = sum(f.stat().st_size for f in OUT.iterdir())
    print(f"{total} bytes in {OUT}")


if __name__ == "__main__":
    main()
