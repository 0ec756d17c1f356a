"""The depth profile of a capture, in numpy: writes src/test/resources/depth/<name>.depth.json for
every <name>.capture.npz there (run with /usr/bin/python3; no torch needed).

The capture.npz files are the `capture` command's output for one sample image and a bundled model:

    java -jar target/splitscope.jar capture --model fmnist-2s2x40d \
         --input resources/samples/fashion-mnist/dress-0013.png --out OUT --device cpu
    cp OUT/capture.npz src/test/resources/depth/fmnist-2s2x40d.capture.npz

(the same for fmnist-1s1x64d, radix 1, and fmnist-4s1x64d). Per block, in the file's order, for
image 0, with a = <block>.attention[0] of shape [R, K, C/K] flattened to [R, C]:

    entropy     mean over the C channels of H(c) / ln R, H(c) = -sum_r a_r(c) ln a_r(c) (0 ln 0 = 0);
                NaN (null) at R = 1
    entropyStd  population std (ddof = 0) of H(c) / ln R across the channels; null at R = 1
    saturation  share of all R * C weights with a > 0.9 or a < 0.1 (compared in float64)
    splitMean   mean over the channels of a_r(c), per split r
    splitStd    population std of a_r(c) across the channels, per split r
"""
import json
from pathlib import Path

import numpy as np

DIR = Path(__file__).resolve().parents[1] / "resources" / "depth"


def profile(npz):
    z = np.load(npz)
    out = []
    for key in z.files:
        if not key.endswith(".attention"):
            continue
        name = key[: -len(".attention")]
        a = z[key][0].astype(np.float64)
        radix = a.shape[0]
        a = a.reshape(radix, -1)
        row = {
            "name": name,
            "radix": radix,
            "channels": a.shape[1],
            "saturation": float(np.mean((a > 0.9) | (a < 0.1))),
            "splitMean": a.mean(axis=1).tolist(),
            "splitStd": a.std(axis=1).tolist(),
            "entropy": None,
            "entropyStd": None,
        }
        if radix > 1:
            with np.errstate(divide="ignore", invalid="ignore"):
                terms = np.where(a > 0, -a * np.log(a), 0.0)
            h = terms.sum(axis=0) / np.log(radix)
            row["entropy"] = float(h.mean())
            row["entropyStd"] = float(h.std())
        out.append(row)
    return out


def main():
    for npz in sorted(DIR.glob("*.capture.npz")):
        name = npz.name[: -len(".capture.npz")]
        target = DIR / (name + ".depth.json")
        target.write_text(json.dumps({"capture": npz.name, "image": 0, "blocks": profile(npz)}, indent=1) + "\n")
        print(target)


if __name__ == "__main__":
    main()
