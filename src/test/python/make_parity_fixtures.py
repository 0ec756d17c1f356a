"""Writes the Java parity fixtures into src/test/resources/parity/ (run with /usr/bin/python3):

    <case>.safetensors         state dict (float32, no num_batches_tracked), hand-written safetensors
    <case>.pth                 torch.save(state_dict)                    (only cases in PTH_CASES)
    <case>.legacy.pth          legacy pickle {"state_dict": ..., "epoch": 3}  (only cases in PTH_CASES)
    <case>.expected.npz        input, logits, <block>.attention [N,R,K,C/K], <block>.gap [N,K,C/K]
    <case>.input.npy           the input again
    cases.json                 [{name, config, inputSize, blocks, checkpoints}]

The whole folder must stay under 3 MB: the weights alone of these layer layouts at basePlanes 8
would take ~7 MB per format, so the models are narrow (basePlanes 4, stemWidth 4) and only
PTH_CASES also get the .pth/.legacy.pth copies (`--all-pth` writes them for every case, ~7 MB).
"""
import argparse
import json
import os
import struct
import sys
import zlib
from collections import OrderedDict
from pathlib import Path
from typing import Dict

import numpy as np
import torch
from torch import nn

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import fixture_weights  # noqa: E402
from resnest_reference import ResNeSt, ResNeStConfig, blocks, capture  # noqa: E402

OUT = Path(__file__).resolve().parents[1] / "resources" / "parity"
BATCH = 2
BUDGET_BYTES = 3_000_000

# Brief's defaults, narrowed to basePlanes 4 / stemWidth 4 to fit the size budget
DEFAULTS = dict(deepStem=True, avgDown=True, avd=True, avdFirst=False, stemStride=1, stemPool=False,
                inChannels=3, basePlanes=4, bottleneckWidth=64, stemWidth=4, numClasses=10,
                cardinality=1)

# name -> (config differences, input H = W)
CASES = OrderedDict([
    ("r0k1", (dict(radix=0, layers=[1, 2, 1, 1]), 32)),
    # stemWidth 8: inplanes 16 == planes*4, so layer1.0 has an identity shortcut (no downsample)
    ("r1k1", (dict(radix=1, layers=[1, 1, 2, 1], stemWidth=8), 32)),
    ("r2k1", (dict(radix=2, layers=[2, 2, 2, 2]), 32)),
    ("r2k2", (dict(radix=2, cardinality=2, layers=[1, 2, 1, 1]), 32)),
    ("r4k1_avdfirst", (dict(radix=4, avdFirst=True, layers=[1, 1, 1, 1]), 32)),
    ("r2k4", (dict(radix=2, cardinality=4, bottleneckWidth=32, layers=[1, 1, 2, 1]), 32)),
    ("r1k4_avdfirst", (dict(radix=1, cardinality=4, bottleneckWidth=24, avdFirst=True,
                            layers=[1, 1, 1, 1]), 32)),
    # bottleneckWidth 64, not 40: the split conv has K*R = 8 groups, so int(planes*bw/64) must be
    # a multiple of R = 4 in every stage; with basePlanes 4 that needs bw to be a multiple of 64
    ("r4k2_avdfirst", (dict(radix=4, cardinality=2, avdFirst=True, layers=[1, 2, 1, 1]), 32)),
    ("r2k1_plainstem", (dict(radix=2, deepStem=False, avgDown=False, stemStride=2, stemPool=True,
                             layers=[1, 1, 1, 1]), 64)),
    ("r2k2_gray28", (dict(radix=2, cardinality=2, inChannels=1, layers=[1, 1, 1]), 28)),
    # extra case: an odd map (15x15) enters the stride-2 block, exercising ceil_mode and
    # count_include_pad=False in the avgDown shortcut and the padded 3x3 avd pool at a ragged edge
    ("r2k1_odd15", (dict(radix=2, layers=[1, 1]), 15)),
])
PTH_CASES = {"r2k1_odd15"}


# ----------------------------------------------------------------------------- safetensors

def save_safetensors(tensors: Dict[str, torch.Tensor], path, metadata=None) -> None:
    """Minimal safetensors writer (F32 only): u64 LE header size, JSON header padded with spaces
    to a multiple of 8, then the tensors' little-endian bytes in the given order."""
    header, blobs, offset = OrderedDict(), [], 0
    for key, t in tensors.items():
        data = t.detach().to(torch.float32).contiguous().cpu().numpy().astype("<f4").tobytes()
        header[key] = {"dtype": "F32", "shape": list(t.shape), "data_offsets": [offset, offset + len(data)]}
        blobs.append(data)
        offset += len(data)
    header["__metadata__"] = metadata or {"format": "pt"}
    text = json.dumps(header, separators=(",", ":")).encode("utf-8")
    text += b" " * (-len(text) % 8)
    with open(path, "wb") as f:
        f.write(struct.pack("<Q", len(text)))
        f.write(text)
        for data in blobs:
            f.write(data)


def load_safetensors(path) -> "OrderedDict[str, torch.Tensor]":
    raw = Path(path).read_bytes()
    (n,) = struct.unpack("<Q", raw[:8])
    header = json.loads(raw[8:8 + n], object_pairs_hook=OrderedDict)
    header.pop("__metadata__", None)
    base, out = 8 + n, OrderedDict()
    for key, info in header.items():
        assert info["dtype"] == "F32", info
        begin, end = info["data_offsets"]
        arr = np.frombuffer(raw[base + begin:base + end], dtype="<f4").reshape(info["shape"])
        out[key] = torch.from_numpy(arr.copy())
    return out


def float_state(model: nn.Module) -> "OrderedDict[str, torch.Tensor]":
    return OrderedDict((k, v) for k, v in model.state_dict().items() if not k.endswith("num_batches_tracked"))


# ----------------------------------------------------------------------------- models

def randomize(model: nn.Module) -> None:
    """Weights where every parameter matters (fixture_weights.randomize). Feature convs N(0, 1/fan_in)
    (gain 2 lets the eval-mode activations grow block after block until the softmax saturates to 0/1);
    split attention's fc1/fc2 and the head fc N(0, 2/fan_in), so attention spreads over roughly (0.05, 0.95)."""
    fixture_weights.randomize(model, attention=lambda name: name.endswith(("fc1", "fc2")) or name == "fc")


def build(name: str):
    diff, size = CASES[name]
    cfg = ResNeStConfig(**{**DEFAULTS, **diff})
    torch.manual_seed(zlib.crc32(name.encode()))   # fixed per case
    model = ResNeSt(cfg)
    randomize(model)
    model.eval()
    x = torch.randn(BATCH, cfg.inChannels, size, size)
    return cfg, model, x


def block_entries(model: ResNeSt):
    return [{"name": n, "radix": b.radix, "cardinality": model.config.cardinality, "channels": b.channels}
            for n, b in blocks(model)]


def fresh(cfg: ResNeStConfig) -> ResNeSt:
    m = ResNeSt(cfg)
    for p in m.state_dict().values():   # poison, so anything not loaded shows
        p.fill_(float("nan")) if p.is_floating_point() else p.zero_()
    return m.eval()


# ----------------------------------------------------------------------------- main

def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--all-pth", action="store_true", help="write .pth/.legacy.pth for every case")
    args = ap.parse_args()
    OUT.mkdir(parents=True, exist_ok=True)
    for f in OUT.iterdir():
        f.unlink()
    index = []
    for name in CASES:
        cfg, model, x = build(name)
        logits, captured = capture(model, x)
        with_pth = args.all_pth or name in PTH_CASES

        save_safetensors(float_state(model), OUT / f"{name}.safetensors")
        if with_pth:
            torch.save(model.state_dict(), OUT / f"{name}.pth")
            torch.save({"state_dict": model.state_dict(), "epoch": 3}, OUT / f"{name}.legacy.pth",
                       _use_new_zipfile_serialization=False)
        arrays = {"input": x.numpy().astype(np.float32), "logits": logits.numpy().astype(np.float32)}
        for key, t in captured.items():
            arrays[key] = t.numpy().astype(np.float32)
        np.savez(OUT / f"{name}.expected.npz", **arrays)
        np.save(OUT / f"{name}.input.npy", arrays["input"])
        index.append({"name": name, "config": cfg.to_json(), "inputSize": list(x.shape[1:]),
                      "blocks": block_entries(model),
                      "checkpoints": ["safetensors"] + (["pth", "legacy.pth"] if with_pth else [])})
        attn = [v for k, v in captured.items() if k.endswith("attention")]
        spread = f"[{min(float(a.min()) for a in attn):.3f}, {max(float(a.max()) for a in attn):.3f}]" if attn else "-"
        print(f"{name:16s} params={sum(t.numel() for t in float_state(model).values()):6d} "
              f"logits std={float(logits.std()):.3f} attention range={spread}")
    (OUT / "cases.json").write_text(json.dumps(index, indent=2) + "\n")
    verify(index, budget=None if args.all_pth else BUDGET_BYTES)


def verify(index, budget) -> None:
    for entry in index:
        name = entry["name"]
        cfg = ResNeStConfig(**entry["config"])
        expected = np.load(OUT / f"{name}.expected.npz")
        x = torch.from_numpy(np.load(OUT / f"{name}.input.npy"))
        assert np.array_equal(x.numpy(), expected["input"])
        sources = {"safetensors": load_safetensors(OUT / f"{name}.safetensors")}
        if "pth" in entry["checkpoints"]:
            sources["pth"] = torch.load(OUT / f"{name}.pth")
            legacy = torch.load(OUT / f"{name}.legacy.pth")
            assert legacy["epoch"] == 3
            sources["legacy.pth"] = legacy["state_dict"]
        for fmt, sd in sources.items():
            model = fresh(cfg)
            missing, unexpected = model.load_state_dict(sd, strict=False)
            assert not unexpected and all(k.endswith("num_batches_tracked") for k in missing), (missing, unexpected)
            logits, captured = capture(model, x)
            assert np.array_equal(logits.numpy(), expected["logits"]), (name, fmt)
            names = {b["name"] for b in entry["blocks"] if b["radix"] > 0}
            assert set(captured) == {f"{n}.{k}" for n in names for k in ("attention", "gap")}
            for key, t in captured.items():
                assert np.array_equal(t.numpy(), expected[key]), (name, fmt, key)
        for b in entry["blocks"]:
            if b["radix"] == 0:
                continue
            r, k, c = b["radix"], b["cardinality"], b["channels"]
            a, g = expected[b["name"] + ".attention"], expected[b["name"] + ".gap"]
            assert a.shape == (BATCH, r, k, c // k) and g.shape == (BATCH, k, c // k), (name, b)
            if r > 1:
                assert np.allclose(a.sum(axis=1), 1.0, atol=1e-5)
        print(f"verified {name}: {', '.join(sources)}")
    total = sum(f.stat().st_size for f in OUT.iterdir())
    print(f"total size of {OUT}: {total} bytes ({total / 1024 / 1024:.2f} MiB)")
    assert budget is None or total < budget, "fixtures over the 3 MB budget"


if __name__ == "__main__":
    main()
