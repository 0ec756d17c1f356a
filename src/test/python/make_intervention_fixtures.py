"""Writes the Java intervention fixtures into src/test/resources/intervene/ (run with /usr/bin/python3):

    <case>.safetensors         state dict of a small random ResNeSt (float32), as make_parity_fixtures.py
    <case>.expected.npz        input [2, 3, 32, 32], plain.logits; per intervention set S: S.logits and S.<block>.attention
                               (the attention actually used, [N, R, K, C/K])
    cases.json                 [{name, config, inputSize, sets: [{id, interventions: ["BLOCK=MODE", ...]}]}]

The attention is forced with a forward hook on the reference's r-softmax that returns the forced
tensor (PyTorch hands a hook's return value on as the module's output), registered before the
capture hooks so that these record the attention that was used. Same rules as SplitScope: `all`
applies to every block, a block's own intervention overrides it; uniform = 1/R everywhere (with
R = 1 the sigmoid gate becomes 1), onehot:r = 1 at split r and 0 elsewhere, scale:r:f = split r's
weights times f, not renormalised.
"""
import json
import os
import sys
import zlib
from collections import OrderedDict
from pathlib import Path

import numpy as np
import torch

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from make_parity_fixtures import float_state, randomize, save_safetensors  # noqa: E402
from resnest_reference import ResNeSt, ResNeStConfig, blocks, capture  # noqa: E402

OUT = Path(__file__).resolve().parents[1] / "resources" / "intervene"
BATCH = 2
SIZE = 32
BUDGET_BYTES = 1_000_000

DEFAULTS = dict(deepStem=True, avgDown=True, avd=True, avdFirst=False, stemStride=1, stemPool=False,
                inChannels=3, basePlanes=4, bottleneckWidth=64, stemWidth=4, numClasses=10,
                cardinality=1, layers=[1, 2, 1])

# three stages (a fourth would triple the weights); radix 1, 2, 4 × cardinality 1, 2, with the avd pool last (k1) and first (k2)
CASES = OrderedDict([
    ("r1k1", dict(radix=1)),
    ("r1k2_avdfirst", dict(radix=1, cardinality=2, avdFirst=True)),
    ("r2k1", dict(radix=2)),
    ("r2k2_avdfirst", dict(radix=2, cardinality=2, avdFirst=True)),
    ("r4k1", dict(radix=4)),
    ("r4k2_avdfirst", dict(radix=4, cardinality=2, avdFirst=True)),
])


def sets(radix: int):
    """The intervention sets of a case: every mode, one block, two blocks, `all` with an override."""
    last = radix - 1
    return OrderedDict([
        ("uniform_all", ["all=uniform"]),
        ("onehot_one", [f"layer2.0=onehot:{last}"]),
        ("scale_and_uniform", ["layer1.0=scale:0:0.5", "layer3.0=uniform"]),
        ("all_with_override", [f"all=scale:{last}:1.7", "layer2.1=onehot:0"]),
        ("scale_zero", ["layer3.0=scale:0:0"]),
    ])


def parse(text: str):
    block, mode = text.split("=")
    p = mode.split(":")
    if p[0] == "uniform":
        return block, ("uniform",)
    if p[0] == "onehot":
        return block, ("onehot", int(p[1]))
    return block, ("scale", int(p[1]), float(p[2]))


def force(mode, a: torch.Tensor) -> torch.Tensor:
    """a: [N, R, K, C/K]."""
    r = a.shape[1]
    if mode[0] == "uniform":
        return torch.full_like(a, 1.0 / r)
    out = torch.zeros_like(a) if mode[0] == "onehot" else a.clone()
    if mode[0] == "onehot":
        out[:, mode[1]] = 1.0
    else:
        out[:, mode[1]] *= mode[2]
    return out


def resolve(texts, names):
    """block -> mode: `all` for every block, a block's own entry overriding it."""
    parsed = [parse(t) for t in texts]
    everywhere = next((m for b, m in parsed if b == "all"), None)
    own = {b: m for b, m in parsed if b != "all"}
    return {n: own.get(n, everywhere) for n in names if own.get(n, everywhere) is not None}


def run(model: ResNeSt, x: torch.Tensor, texts):
    names = [n for n, b in blocks(model) if b.radix > 0]
    handles = []
    for name, mode in resolve(texts, names).items():
        rsoftmax = model.get_submodule(name).conv2.rsoftmax
        handles.append(rsoftmax.register_forward_hook(lambda _m, _i, out, mode=mode: force(mode, out)))
    try:
        return capture(model, x)
    finally:
        for h in handles:
            h.remove()


def build(name: str):
    cfg = ResNeStConfig(**{**DEFAULTS, **CASES[name]})
    torch.manual_seed(zlib.crc32(("intervene-" + name).encode()))
    model = ResNeSt(cfg)
    randomize(model)
    model.eval()
    return cfg, model, torch.randn(BATCH, cfg.inChannels, SIZE, SIZE)


def main() -> None:
    OUT.mkdir(parents=True, exist_ok=True)
    for f in OUT.iterdir():
        f.unlink()
    index = []
    for name in CASES:
        cfg, model, x = build(name)
        plain, _ = capture(model, x)
        arrays = {"input": x.numpy().astype(np.float32), "plain.logits": plain.numpy().astype(np.float32)}
        entries = []
        for set_id, texts in sets(cfg.radix).items():
            logits, captured = run(model, x, texts)
            arrays[f"{set_id}.logits"] = logits.numpy().astype(np.float32)
            for key, t in captured.items():
                if key.endswith(".attention"):
                    arrays[f"{set_id}.{key}"] = t.numpy().astype(np.float32)
            change = float((logits - plain).abs().max())
            assert change > 1e-3, (name, set_id, "the intervention must change the logits", change)
            entries.append({"id": set_id, "interventions": texts})
            print(f"{name:14s} {set_id:18s} max |Δ logit| = {change:.4f}")
        np.savez(OUT / f"{name}.expected.npz", **arrays)
        save_safetensors(float_state(model), OUT / f"{name}.safetensors")
        index.append({"name": name, "config": cfg.to_json(), "inputSize": list(x.shape[1:]), "sets": entries})
    (OUT / "cases.json").write_text(json.dumps(index, indent=2) + "\n")
    verify(index)


def verify(index) -> None:
    """The forced blocks hold exactly the forced attention; scale:0:1 everywhere is the plain network."""
    for entry in index:
        cfg, model, x = build(entry["name"])
        expected = np.load(OUT / f"{entry['name']}.expected.npz")
        identity, _ = run(model, x, ["all=scale:0:1"])
        assert np.array_equal(identity.numpy(), expected["plain.logits"]), entry["name"]
        names = [n for n, b in blocks(model) if b.radix > 0]
        for s in entry["sets"]:
            for block, mode in resolve(s["interventions"], names).items():
                a = expected[f"{s['id']}.{block}.attention"]
                r = cfg.radix
                if mode[0] == "uniform":
                    assert np.all(a == np.float32(1.0 / r)), (entry["name"], s["id"], block)
                if mode[0] == "onehot":
                    assert np.all(a[:, mode[1]] == 1.0) and a.sum() == a[:, mode[1]].sum(), (entry["name"], block)
        print(f"verified {entry['name']}")
    total = sum(f.stat().st_size for f in OUT.iterdir())
    print(f"total size of {OUT}: {total} bytes")
    assert total < BUDGET_BYTES, "fixtures over budget"


if __name__ == "__main__":
    main()
