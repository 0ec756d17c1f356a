"""Writes the Java class-activation-map fixtures into src/test/resources/cam/ (run with /usr/bin/python3):

    <case>.safetensors     state dict of a tiny random ResNeSt (as make_parity_fixtures.py writes them),
                           its config in the metadata (splitscope.config)
    <case>.input.npy       the input again, for the command line
    <case>.expected.npz    input [2, C, H, W], logits [2, classes], and per target T and method M the raw
                           map T.M [2, h, w] = ReLU(sum_c w_c A_c) before any normalisation or resizing
    cases.json             [{name, config, classes, targets}]: classes = the class used per image
                           (image 0 its top class, image 1 another one, so a batch holds two targets)

Targets: a bottleneck's output (`layer2.0`, after the residual add and ReLU) and a split-attention
output V (`layer2.0.conv2`, the SplitAttention module's key). The maps follow pytorch-grad-cam
(jacobgil/pytorch-grad-cam: GradCAM, GradCAMPlusPlus, LayerCAM get_cam_weights / get_cam_image and
the ReLU of compute_cam_per_layer), with autograd in eval mode: target = the sum over the batch of
each image's chosen pre-softmax logit, gradients dY/dA taken by a hook on A as its ActivationsAndGradients does.
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
from resnest_reference import ResNeSt, ResNeStConfig  # noqa: E402
from make_parity_fixtures import float_state, randomize, save_safetensors  # noqa: E402

OUT = Path(__file__).resolve().parents[1] / "resources" / "cam"
BATCH = 2
SIZE = 24
DEFAULTS = dict(layers=[1, 2, 1], deepStem=True, avgDown=True, avd=True, avdFirst=False, stemStride=1,
                stemPool=False, inChannels=3, basePlanes=4, bottleneckWidth=64, stemWidth=4, numClasses=10,
                cardinality=1)
# radix 1/2/4, cardinality 1/2, avd pool last (V at the block's input size) and first (V already halved)
CASES = OrderedDict([
    ("r1k1", dict(radix=1)),
    ("r2k1", dict(radix=2)),
    ("r2k2", dict(radix=2, cardinality=2)),
    ("r4k1_avdfirst", dict(radix=4, avdFirst=True)),
    ("r4k2_avdfirst", dict(radix=4, cardinality=2, avdFirst=True)),
])
TARGETS = ["layer1.0.conv2", "layer2.0", "layer2.0.conv2", "layer2.1", "layer3.0"]
METHODS = ["gradcam", "gradcampp", "layercam"]


def activations_and_gradients(model, x, target, classes):
    """A [N, C, h, w] at `target` and dY/dA for Y = sum_n logits[n, classes[n]]."""
    module = model.get_submodule(target)
    seen = {}

    def forward_hook(_m, _inputs, output):
        seen["A"] = output
        output.register_hook(lambda g: seen.__setitem__("G", g))

    handle = module.register_forward_hook(forward_hook)
    try:
        model.zero_grad()
        logits = model(x)
        score = sum(logits[n, c] for n, c in enumerate(classes))
        score.backward()
    finally:
        handle.remove()
    return seen["A"].detach().numpy(), seen["G"].detach().numpy(), logits.detach().numpy()


def gradcam(a, g):
    weights = np.mean(g, axis=(2, 3))
    return np.maximum((weights[:, :, None, None] * a).sum(axis=1), 0)


def gradcampp(a, g):
    grads_power_2 = g ** 2
    grads_power_3 = grads_power_2 * g
    sum_activations = np.sum(a, axis=(2, 3))
    aij = grads_power_2 / (2 * grads_power_2 + sum_activations[:, :, None, None] * grads_power_3 + 1e-6)
    aij = np.where(g != 0, aij, 0)
    weights = np.sum(np.maximum(g, 0) * aij, axis=(2, 3))
    return np.maximum((weights[:, :, None, None] * a).sum(axis=1), 0)


def layercam(a, g):
    return np.maximum((np.maximum(g, 0) * a).sum(axis=1), 0)


def build(name, attempt):
    cfg = ResNeStConfig(**{**DEFAULTS, **CASES[name]})
    torch.manual_seed(zlib.crc32(f"cam-{name}-{attempt}".encode()))
    model = ResNeSt(cfg)
    randomize(model)
    model.eval()
    x = torch.randn(BATCH, cfg.inChannels, SIZE, SIZE)
    return cfg, model, x


def maps(model, x, classes):
    """Every target's maps for these classes, or None if one image's map is all zero (ReLU of a
    negative sum: a relative tolerance needs a peak, so such a draw is not a fixture)."""
    arrays = {"input": x.numpy().astype(np.float32)}
    for target in TARGETS:
        a, g, logits = activations_and_gradients(model, x, target, classes)
        arrays["logits"] = logits.astype(np.float32)
        for method, f in zip(METHODS, (gradcam, gradcampp, layercam)):
            cam = f(a, g).astype(np.float32)
            if not (cam.reshape(BATCH, -1).max(axis=1) > 0).all():
                return None
            arrays[f"{target}.{method}"] = cam
    return arrays


def fixture(name):
    """The first seed and class for image 1 (not its top class) whose maps all have a peak."""
    for attempt in range(20):
        cfg, model, x = build(name, attempt)
        with torch.no_grad():
            top = model(x).argmax(dim=1).tolist()
        for other in range(1, cfg.numClasses):
            classes = [top[0], (top[1] + other) % cfg.numClasses]
            arrays = maps(model, x, classes)
            if arrays is not None:
                return cfg, model, classes, arrays
    raise AssertionError(f"{name}: no seed gives maps with a peak everywhere")


def main():
    OUT.mkdir(parents=True, exist_ok=True)
    for f in OUT.iterdir():
        f.unlink()
    index = []
    for name in CASES:
        cfg, model, classes, arrays = fixture(name)
        # the config in the file: the stem's stride and pool cannot be read off the weights
        save_safetensors(float_state(model), OUT / f"{name}.safetensors",
                         metadata={"format": "pt", "splitscope.config": json.dumps(cfg.to_json())})
        np.savez(OUT / f"{name}.expected.npz", **arrays)
        np.save(OUT / f"{name}.input.npy", arrays["input"])
        index.append({"name": name, "config": cfg.to_json(), "classes": classes, "targets": TARGETS,
                      "methods": METHODS})
        shapes = {t: list(arrays[f"{t}.gradcam"].shape[1:]) for t in TARGETS}
        print(f"{name:14s} classes={classes} maps={shapes}")
    (OUT / "cases.json").write_text(json.dumps(index, indent=2) + "\n")
    total = sum(f.stat().st_size for f in OUT.iterdir())
    print(f"total size of {OUT}: {total} bytes")


if __name__ == "__main__":
    main()
