"""PyTorch CPU baseline for SplitScope: ResNeSt-50 forward with and without attention capture.

    /usr/bin/python3 src/test/python/bench_pytorch.py [--iterations 30] [--threads 2]
    /usr/bin/python3 src/test/python/bench_pytorch.py --save-checkpoint /tmp/resnest50.safetensors

Prints one JSON line: torch, threads, batch, size, forward_ms, capture_ms (medians), iterations.
5 warm-up rounds; plain and capturing forwards alternate.
Capture = forward hooks on every SplitAttention (fc1 input = gap, r-softmax output = attention)
copying [N,K,C/K] and [N,R,K,C/K] to host numpy arrays, for all 16 blocks.
"""
import argparse
import json
import os
import statistics
import sys
import time

import torch

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from make_parity_fixtures import float_state, save_safetensors  # noqa: E402
from resnest_reference import attach_capture, resnest50  # noqa: E402

WARMUP = 5
BATCH, SIZE = 1, 224


def measure(model, x, iterations: int):
    """Median ms of plain and capturing forwards, interleaved so that load from other processes
    hits both alike; hooks are attached/removed outside the timed region."""
    sink = {}
    to_host = lambda t: t.detach().clone().numpy()  # noqa: E731

    def plain():
        start = time.perf_counter()
        model(x)
        return (time.perf_counter() - start) * 1000.0

    def captured():
        handles = attach_capture(model, sink, to_host=to_host)
        start = time.perf_counter()
        model(x)
        elapsed = (time.perf_counter() - start) * 1000.0
        for h in handles:
            h.remove()
        return elapsed

    for _ in range(WARMUP):
        plain()
        captured()
    forward, capture = [], []
    for _ in range(iterations):
        forward.append(plain())
        capture.append(captured())
    assert len(sink) == 2 * 16, sorted(sink)
    return statistics.median(forward), statistics.median(capture)


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--iterations", type=int, default=30)
    ap.add_argument("--threads", type=int, default=2)
    ap.add_argument("--save-checkpoint", metavar="PATH",
                    help="write resnest50's state dict as safetensors to PATH and exit")
    args = ap.parse_args()

    torch.manual_seed(0)
    model = resnest50().eval()
    if args.save_checkpoint:
        save_safetensors(float_state(model), args.save_checkpoint)
        return

    torch.set_num_threads(args.threads)
    torch.set_num_interop_threads(1)
    x = torch.randn(BATCH, 3, SIZE, SIZE)

    with torch.no_grad():
        forward_ms, capture_ms = measure(model, x, args.iterations)

    print(json.dumps({"torch": torch.__version__, "threads": args.threads, "batch": BATCH, "size": SIZE,
                      "forward_ms": round(forward_ms, 2), "capture_ms": round(capture_ms, 2),
                      "iterations": args.iterations}))


if __name__ == "__main__":
    main()
