"""An independent reference for putting a class activation map on the input (run with /usr/bin/python3):
min-max normalisation (m - min) / (max - min + 1e-7) per image, then PyTorch's own
F.interpolate(mode="bilinear", align_corners=False), as pytorch-grad-cam scales its maps.

Reads the raw maps already in src/test/resources/cam/<case>.expected.npz (make_cam_fixtures.py) and writes
    <case>.on_input.npz   per target T and method M: T.M [2, H, W] at the input's size
    resize.npz            maps of awkward sizes and their resizes (up, down, non-integer, non-square):
                          <k>.map [h, w], <k>.resized [H, W]
"""
from pathlib import Path

import numpy as np
import torch
import torch.nn.functional as F

CAM = Path(__file__).resolve().parents[1] / "resources" / "cam"
EPS = 1e-7
# (h, w) -> (H, W): what a 7x7 last stage becomes on 224 px, a 6x6 on 24 px, ratios that are not whole,
# shrinking (a map larger than the input it is shown on), one side up and one down
SIZES = [((7, 7), (224, 224)), ((6, 6), (24, 24)), ((5, 7), (23, 31)), ((9, 9), (4, 4)), ((3, 8), (17, 5)),
         ((1, 1), (6, 6)), ((12, 12), (28, 28))]


def on_input(maps, size):
    """maps [N, h, w] -> [N, H, W]"""
    m = torch.from_numpy(maps.astype(np.float32))
    flat = m.reshape(m.shape[0], -1)
    lo, hi = flat.min(dim=1).values, flat.max(dim=1).values
    norm = (m - lo[:, None, None]) / (EPS + (hi - lo))[:, None, None]
    return F.interpolate(norm[:, None], size=size, mode="bilinear", align_corners=False)[:, 0].numpy()


def main():
    for expected in sorted(CAM.glob("*.expected.npz")):
        name = expected.name[:-len(".expected.npz")]
        raw = np.load(expected)
        size = raw["input"].shape[2:]
        out = {k: on_input(raw[k], size) for k in raw.files if k not in ("input", "logits")}
        np.savez(CAM / f"{name}.on_input.npz", **out)
        print(name, len(out), "maps ->", tuple(size))
    rng = np.random.default_rng(24)
    arrays = {}
    for i, ((h, w), (H, W)) in enumerate(SIZES):
        m = rng.standard_normal((h, w)).astype(np.float32) * 3 + 1
        arrays[f"{i}.map"] = m
        arrays[f"{i}.resized"] = on_input(m[None], (H, W))[0]
    np.savez(CAM / "resize.npz", **arrays)
    print(len(SIZES), "awkward sizes")


if __name__ == "__main__":
    main()
