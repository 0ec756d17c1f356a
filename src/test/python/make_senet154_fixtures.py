"""Writes SENet-154's parity fixtures into src/test/resources/parity/senet154/ from the reference in
senet_reference.py (Debian's PyTorch 1.13; timm is not needed):

    /usr/bin/python3 src/test/python/make_senet154_fixtures.py [--check-timm]

    small.safetensors      a reduced SENet-154 (same topology: three-conv stem, grouped reduce-first
                           bottlenecks, 3x3 strided shortcuts, SE; planes 2..16, groups 2 (2 input and
                           4 output channels per group in layer1, as SENet-154's 128 -> 256 in 64 groups),
                           reduction 4, layers 2, 1, 2, 1), random weights and BN statistics, float32
    small.expected.npz     input [2, 3, 41, 41], logits, per block <block>.attention [N, 1, 1, C] and
                           <block>.gap [N, 1, C]; layer2.0's <block>.splits [N, 1, C, H, W] and .fused
    case.json              {name, config (SplitScope's ResNeStConfig), inputSize, blocks,
                            full: {tensors, values, sha256} of the full-size legacy_senet154 state dict}

The full size's hash is over its sorted "key [shape]" lines (num_batches_tracked left out), as
make_family_shapes.py hashes timm's models; the full model is built on the meta device (no memory).
--check-timm also builds timm's own legacy_senet154 (timm's source on PYTHONPATH) and requires the
same hash: a check of the reference, not a source of the fixtures.
"""
import argparse
import hashlib
import json
import os
import sys
from pathlib import Path

import numpy as np
import torch

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from make_parity_fixtures import float_state, save_safetensors  # noqa: E402
from senet_reference import SENet154, blocks, capture  # noqa: E402
from fixture_weights import randomize  # noqa: E402

OUT = Path(__file__).resolve().parents[1] / "resources" / "parity" / "senet154"
BUDGET_BYTES = 400_000
SMALL = dict(layers=(2, 1, 2, 1), planes=(2, 4, 8, 16), groups=2, reduction=4, stem=8, down_kernel=3,
             num_classes=10)
# the same network as SplitScope's ResNeStConfig (JSON of the Java record)
SMALL_CONFIG = dict(layers=[2, 1, 2, 1], radix=1, cardinality=2, bottleneckWidth=128, basePlanes=2, stemWidth=8,
                    deepStem=True, avgDown=False, avd=False, avdFirst=False, numClasses=10, inChannels=3,
                    stemStride=2, stemPool=True, block="BOTTLENECK", attention="SE", tieredStem=False, legacy=True,
                    splitInput=False, attentionNorm=False, reduction=4, attentionDivisor=8, widths=None,
                    reduceFirst=2, shortcutKernel=3)
SIZE = 41          # odd: the ceil-mode pool and the padded 3x3 shortcuts see odd maps
BATCH = 2


def shape_hash(state):
    lines = sorted(f"{k} {list(v.shape)}" for k, v in state.items() if not k.endswith("num_batches_tracked"))
    values = sum(v.numel() for k, v in state.items() if not k.endswith("num_batches_tracked"))
    return dict(tensors=len(lines), values=values, sha256=hashlib.sha256("\n".join(lines).encode("utf-8")).hexdigest())


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--check-timm", action="store_true")
    args = parser.parse_args()
    OUT.mkdir(parents=True, exist_ok=True)

    full = shape_hash(SENet154(device="meta").state_dict())
    print("legacy_senet154", full)
    if args.check_timm:
        import timm
        theirs = shape_hash(timm.create_model("legacy_senet154", pretrained=False).state_dict())
        assert theirs == full, f"timm's legacy_senet154 differs: {theirs}"
        print("timm's legacy_senet154: the same keys and shapes")

    torch.manual_seed(154)
    model = SENet154(**SMALL)
    randomize(model)
    model.eval()
    x = torch.randn(BATCH, 3, SIZE, SIZE)
    logits, record = capture(model, x)
    arrays = {"input": x.numpy(), "logits": logits.numpy()}
    arrays.update({k: v.contiguous().numpy() for k, v in record.items()})
    names = [name for name, _ in blocks(model)]
    assert all(n + ".attention" in record and n + ".gap" in record for n in names)
    save_safetensors(float_state(model), OUT / "small.safetensors")
    np.savez_compressed(OUT / "small.expected.npz", **arrays)
    case = dict(name="small", reference="senet_reference.SENet154", config=SMALL_CONFIG,
                inputSize=[3, SIZE, SIZE], blocks=[dict(name=n, mechanism="se") for n in names],
                full=dict(preset="legacy_senet154", **full))
    (OUT / "case.json").write_text(json.dumps(case, indent=2) + "\n")
    gates = torch.cat([record[n + ".attention"].flatten() for n in names])
    print(f"{len(names)} blocks, gates in [{gates.min():.3f}, {gates.max():.3f}], logits std {logits.std():.3f}")
    total = sum(f.stat().st_size for f in OUT.iterdir())
    print(f"{total / 1e3:.0f} kB in {OUT}")
    assert total <= BUDGET_BYTES, "fixtures exceed the size budget"


if __name__ == "__main__":
    main()
