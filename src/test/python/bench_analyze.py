"""The anchor for `analyze`'s speed: what a PyTorch user runs instead. torchvision ImageFolder +
DataLoader (one worker, batch 32) through the same ResNeSt (resnest_reference.py) with forward
hooks accumulating per-class sums and sums of squares of every block's attention and GAP.

    /usr/bin/python3 src/test/python/bench_analyze.py --input DIR [--bundled models/fmnist-2s1x64d.safetensors]

Prints one JSON object with images/s (timed from the first batch requested to the last folded in,
as analyze's stats.json "seconds" is timed after the model is loaded).
"""
import argparse
import json
import struct
import sys
import time
from pathlib import Path

import numpy as np
import torch
from torch.utils.data import DataLoader
from torchvision import datasets, transforms

sys.path.insert(0, str(Path(__file__).parent))
from resnest_reference import ResNeSt, ResNeStConfig, attach_capture, resnest50  # noqa: E402


def bundled(path):
    """A SplitScope safetensors file: its config, preprocessing and weights."""
    raw = Path(path).read_bytes()
    n = struct.unpack("<Q", raw[:8])[0]
    header = json.loads(raw[8:8 + n])
    meta = header.pop("__metadata__")
    config = ResNeStConfig(**{k: v for k, v in json.loads(meta["splitscope.config"]).items()
                              if k in ResNeStConfig.__dataclass_fields__})
    pre = json.loads(meta["splitscope.preprocessing"])
    model = ResNeSt(config)
    state = {}
    for key, t in header.items():
        a, b = t["data_offsets"]
        dtype = {"F32": np.float32, "I64": np.int64}[t["dtype"]]
        state[key] = torch.from_numpy(np.frombuffer(raw[8 + n + a:8 + n + b], dtype=dtype).reshape(t["shape"]).copy())
    model.load_state_dict(state, strict=False)
    return model, pre


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--input", required=True)
    ap.add_argument("--bundled", help="a bundled 28-px model; default: a random ResNeSt-50 at 224 px")
    ap.add_argument("--threads", type=int, default=2)
    ap.add_argument("--batch", type=int, default=32)
    args = ap.parse_args()
    torch.set_num_threads(args.threads)
    if args.bundled:
        model, pre = bundled(args.bundled)
        tf = transforms.Compose([transforms.Grayscale(), transforms.Resize(pre["size"]),
                                 transforms.CenterCrop(pre["size"]), transforms.ToTensor(),
                                 transforms.Normalize(pre["mean"], pre["std"])])
    else:
        torch.manual_seed(0)
        model = resnest50()
        tf = transforms.Compose([transforms.Resize(256), transforms.CenterCrop(224), transforms.ToTensor(),
                                 transforms.Normalize([0.485, 0.456, 0.406], [0.229, 0.224, 0.225])])
    model.eval()
    data = datasets.ImageFolder(args.input, transform=tf)
    loader = DataLoader(data, batch_size=args.batch, num_workers=1, shuffle=False)
    groups = len(data.classes)
    sums, squares, counts = {}, {}, torch.zeros(groups)
    sink = {}
    handles = attach_capture(model, sink, to_host=lambda t: t.detach())
    start = time.perf_counter()
    images = 0
    with torch.no_grad():
        for x, y in loader:
            model(x)
            onehot = torch.nn.functional.one_hot(y, groups).to(torch.float64)  # [B, G]
            for key, t in sink.items():
                flat = t.reshape(t.shape[0], -1).to(torch.float64)
                s = onehot.T @ flat
                q = onehot.T @ (flat * flat)
                sums[key] = sums.get(key, 0) + s
                squares[key] = squares.get(key, 0) + q
            counts += onehot.sum(0).float()
            images += x.shape[0]
    seconds = time.perf_counter() - start
    for h in handles:
        h.remove()
    print(json.dumps({"torch": torch.__version__, "images": images, "groups": groups, "seconds": round(seconds, 2),
                      "images_per_s": round(images / seconds, 1), "batch": args.batch, "workers": 1,
                      "threads": args.threads}))


if __name__ == "__main__":
    main()
