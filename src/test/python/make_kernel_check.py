"""Writes the oneDNN known-answer check's model into src/main/resources/org/splitscope/capture/
(run with /usr/bin/python3; Debian's python3-torch):

    kernel-check.safetensors    a small random-weight ResNeSt (radix 4, cardinality 2: R*K = 8, the
                                case where oneDNN's AVX-512 kernels once went wrong), float32
    kernel-check.expected.npz   input [2, 3, 32, 32], logits, <block>.attention and <block>.gap
    kernel-check.json           the config (ResNeStConfig fields)

The program ships them: `IsaCheck` runs this forward under each oneDNN ISA level in a child process
and keeps only the levels that reproduce these values. Weights and input come from a fixed seed, so
running this again writes the same files.
"""
import json
import os
import sys
import zlib
from pathlib import Path

import numpy as np
import torch

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from make_parity_fixtures import DEFAULTS, float_state, randomize, save_safetensors  # noqa: E402
from resnest_reference import ResNeSt, ResNeStConfig, capture  # noqa: E402

OUT = Path(__file__).resolve().parents[2] / "main" / "resources" / "org" / "splitscope" / "engine"
NAME = "kernel-check"
# basePlanes 16: the split conv has 32*R = 128 output channels in 8 groups of 16, a width oneDNN's
# blocked AVX-512 kernels take, while three stages keep the files small (~1 MB)
CONFIG = {**DEFAULTS, "radix": 4, "cardinality": 2, "basePlanes": 16, "stemWidth": 16, "layers": [1, 1, 1]}


def main() -> None:
    cfg = ResNeStConfig(**CONFIG)
    torch.manual_seed(zlib.crc32(NAME.encode()))
    model = ResNeSt(cfg)
    randomize(model)
    model.eval()
    x = torch.randn(2, cfg.inChannels, 32, 32)
    with torch.no_grad():
        logits, captured = capture(model, x)
    OUT.mkdir(parents=True, exist_ok=True)
    save_safetensors(float_state(model), OUT / f"{NAME}.safetensors")
    arrays = {"input": x.numpy().astype(np.float32), "logits": logits.numpy().astype(np.float32)}
    for key, t in captured.items():
        arrays[key] = t.numpy().astype(np.float32)
    np.savez(OUT / f"{NAME}.expected.npz", **arrays)
    (OUT / f"{NAME}.json").write_text(json.dumps(cfg.to_json(), indent=2) + "\n")
    params = sum(t.numel() for t in float_state(model).values())
    size = sum((OUT / f"{NAME}{ext}").stat().st_size for ext in (".safetensors", ".expected.npz", ".json"))
    print(f"{NAME}: {params} parameters, logits std {float(logits.std()):.3f}, {len(captured) // 2} blocks, "
          f"{size} bytes")


if __name__ == "__main__":
    main()
