"""PyTorch CPU baseline for SplitScope: ResNeSt-50 forward with and without attention capture.

    /usr/bin/python3 src/test/python/bench_pytorch.py [--iterations 30] [--threads 2] [--contended]
    PYTHONPATH=/tmp/timm-src /usr/bin/python3 src/test/python/bench_pytorch.py --timm seresnet50 [...]
    /usr/bin/python3 src/test/python/bench_pytorch.py --save-checkpoint /tmp/resnest50.safetensors

Prints one JSON line: torch, threads, batch, size, forward_ms, capture_ms (medians), iterations.
5 warm-up rounds; plain and capturing forwards alternate. With --contended, also contended_forward_ms and
contended_capture_ms, measured while a busy process takes one core (as `splitscope bench --contended`).
Capture = forward hooks on every SplitAttention (fc1 input = gap, r-softmax output = attention)
copying [N,K,C/K] and [N,R,K,C/K] to host numpy arrays, for all 16 blocks. With --timm ARCH, timm's
own model of that name (random weights; timm's source on PYTHONPATH), hooks on every SE/ECA/SK
module copying the pooled vector and the gate (make_family_fixtures.attach).
"""
import argparse
import json
import os
import statistics
import subprocess
import sys
import time

import torch

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from make_parity_fixtures import float_state, save_safetensors  # noqa: E402
from resnest_reference import attach_capture, resnest50  # noqa: E402

WARMUP = 5
SPIN = ("import sys, threading\n"
        "def spin():\n"
        "    while True:\n"
        "        pass\n"
        "threading.Thread(target=spin, daemon=True).start()\n"
        "sys.stdin.read()\n")
BATCH, SIZE = 1, 224


def measure(model, x, iterations: int, attach=None, blocks=16):
    """Median ms of plain and capturing forwards, interleaved (and which goes first alternating) so
    that load from other processes hits both alike; hooks are attached/removed outside the timed region."""
    sink = {}
    to_host = lambda t: t.detach().clone().numpy()  # noqa: E731

    def plain():
        start = time.perf_counter()
        model(x)
        return (time.perf_counter() - start) * 1000.0

    def captured():
        handles = attach(model, sink) if attach else attach_capture(model, sink, to_host=to_host)
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
    for i in range(iterations):  # which runs first alternates too, as in `bench`
        if i % 2:
            capture.append(captured())
            forward.append(plain())
        else:
            forward.append(plain())
            capture.append(captured())
    assert len(sink) == 2 * blocks, sorted(sink)
    return statistics.median(forward), statistics.median(capture)


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--iterations", type=int, default=30)
    ap.add_argument("--threads", type=int, default=2)
    ap.add_argument("--contended", action="store_true",
                    help="measure again while a busy process of our own takes one core")
    ap.add_argument("--timm", metavar="ARCH", help="timm's model ARCH (seresnet50, skresnext50_32x4d …)")
    ap.add_argument("--save-checkpoint", metavar="PATH",
                    help="write resnest50's state dict as safetensors to PATH and exit")
    args = ap.parse_args()

    torch.manual_seed(0)
    attach, blocks = None, 16
    if args.timm:
        import timm  # noqa: E402  (only with --timm: timm's source on PYTHONPATH)
        from make_family_fixtures import attach as attach_family  # noqa: E402
        model = timm.create_model(args.timm).eval()
        attach = lambda m, sink: attach_family(m, sink, maps=False)  # noqa: E731
        blocks = sum(len(getattr(model, f"layer{i}")) for i in range(1, 5))
    else:
        model = resnest50().eval()
    if args.save_checkpoint:
        save_safetensors(float_state(model), args.save_checkpoint)
        return

    torch.set_num_threads(args.threads)
    torch.set_num_interop_threads(1)
    x = torch.randn(BATCH, 3, SIZE, SIZE)

    with torch.no_grad():
        forward_ms, capture_ms = measure(model, x, args.iterations, attach, blocks)
    out = {"model": args.timm or "resnest50", "torch": torch.__version__, "threads": args.threads, "batch": BATCH, "size": SIZE,
           "forward_ms": round(forward_ms, 2), "capture_ms": round(capture_ms, 2), "iterations": args.iterations}
    if args.contended:
        # the same competitor as SplitScope's: a separate process spinning on one core until stdin closes
        spinner = subprocess.Popen([sys.executable, "-c", SPIN], stdin=subprocess.PIPE)
        try:
            with torch.no_grad():
                busy_forward, busy_capture = measure(model, x, args.iterations, attach, blocks)
        finally:
            spinner.kill()
        out["contended_forward_ms"] = round(busy_forward, 2)
        out["contended_capture_ms"] = round(busy_capture, 2)
    print(json.dumps(out))


if __name__ == "__main__":
    main()
