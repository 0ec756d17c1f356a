#!/usr/bin/python3
"""Writes the small checkpoint fixtures under src/test/resources/checkpoint/.

Run with Debian's PyTorch (1.13):  /usr/bin/python3 src/test/python/make_checkpoint_fixtures.py

With --large DIR it instead writes a ResNeSt-50-sized state dict (about 27M float32 parameters,
about 100 MB, 500+ tensors) as resnest50.safetensors, resnest50_zip.pth and resnest50_legacy.pth
into DIR, to time loading (java -jar target/splitscope.jar bench --model DIR/resnest50.safetensors
reports load_ms); these are not committed.

Every float tensor of the "tiny" state dict holds value(j, i) = j + ((i % 13) - 6) / 4 for the
j-th tensor (file order) and flat index i: quarters, exact in float16 and bfloat16, so the Java
tests recompute the expected values instead of storing them. num_batches_tracked is 42.
"""
import collections
import json
import os
import pickle
import struct
import sys

import torch

OUT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "resources", "checkpoint")


def value_tensor(j, shape, dtype=torch.float32):
    n = 1
    for s in shape:
        n *= s
    i = torch.arange(n, dtype=torch.float64)
    return (j + ((i % 13) - 6) / 4).reshape(shape).to(dtype)


class Tiny(torch.nn.Module):
    """A conv + batch norm + linear net: the key layout of a real ResNeSt stem, 8 tensors."""

    def __init__(self):
        super().__init__()
        self.conv1 = torch.nn.Conv2d(3, 4, 3, bias=False)
        self.bn1 = torch.nn.BatchNorm2d(4)
        self.fc = torch.nn.Linear(4, 2)


def tiny_state_dict():
    sd = Tiny().state_dict()  # an OrderedDict with _metadata, like real checkpoints
    j = 0
    for key, t in sd.items():
        if key.endswith("num_batches_tracked"):
            t.fill_(42)
        else:
            t.copy_(value_tensor(j, tuple(t.shape)))
            j += 1
    return sd


def save_zip(obj, name):
    torch.save(obj, os.path.join(OUT, name))


def save_legacy(obj, name):
    torch.save(obj, os.path.join(OUT, name), _use_new_zipfile_serialization=False)


def write_safetensors(tensors, name, metadata=None):
    write_safetensors_to(tensors, os.path.join(OUT, name), metadata)


def write_safetensors_to(tensors, path, metadata=None):
    """The safetensors layout by hand (the package is not installed here): u64 header length,
    JSON header padded with spaces to 8 bytes, then the raw little-endian data."""
    dtypes = {torch.float32: "F32", torch.float16: "F16", torch.bfloat16: "BF16",
              torch.float64: "F64", torch.int64: "I64", torch.int32: "I32", torch.int16: "I16",
              torch.int8: "I8", torch.uint8: "U8", torch.bool: "BOOL"}
    header = {}
    if metadata:
        header["__metadata__"] = metadata
    blobs, offset = [], 0
    for key, t in tensors.items():
        t = t.contiguous()
        raw = t.reshape(-1).view(torch.uint8).numpy().tobytes() if t.dtype != torch.bool else t.numpy().tobytes()
        header[key] = {"dtype": dtypes[t.dtype], "shape": list(t.shape),
                       "data_offsets": [offset, offset + len(raw)]}
        blobs.append(raw)
        offset += len(raw)
    text = json.dumps(header, separators=(",", ":")).encode()
    text += b" " * (-len(text) % 8)
    with open(path, "wb") as f:
        f.write(struct.pack("<Q", len(text)))
        f.write(text)
        for b in blobs:
            f.write(b)


class Reduce:
    """Pickles as a call of `func(*args)`: how a hostile checkpoint runs code in torch.load."""

    def __init__(self, func, args):
        self.func, self.args = func, args

    def __reduce__(self):
        return self.func, self.args


def resnest50_like():
    """The tensor layout of timm's resnest50d (deep stem, radix-2 split attention), random values."""
    sd = collections.OrderedDict()

    def conv(name, out_c, in_c, k, bias=False):
        sd[name + ".weight"] = torch.randn(out_c, in_c, k, k)
        if bias:
            sd[name + ".bias"] = torch.randn(out_c)

    def bn(name, c):
        sd[name + ".weight"] = torch.rand(c)
        sd[name + ".bias"] = torch.randn(c)
        sd[name + ".running_mean"] = torch.randn(c)
        sd[name + ".running_var"] = torch.rand(c)
        sd[name + ".num_batches_tracked"] = torch.tensor(1000)

    conv("conv1.0", 32, 3, 3); bn("conv1.1", 32)
    conv("conv1.3", 32, 32, 3); bn("conv1.4", 32)
    conv("conv1.6", 64, 32, 3); bn("bn1", 64)
    in_c = 64
    for layer, (planes, blocks) in enumerate(zip((64, 128, 256, 512), (3, 4, 6, 3)), start=1):
        for b in range(blocks):
            p = f"layer{layer}.{b}."
            inter = max(planes * 2 // 4, 32)
            conv(p + "conv1", planes, in_c, 1); bn(p + "bn1", planes)
            conv(p + "conv2.conv", planes * 2, planes // 2, 3); bn(p + "conv2.bn0", planes * 2)
            conv(p + "conv2.fc1", inter, planes, 1, bias=True); bn(p + "conv2.bn1", inter)
            conv(p + "conv2.fc2", planes * 2, inter, 1, bias=True)
            conv(p + "conv3", planes * 4, planes, 1); bn(p + "bn3", planes * 4)
            if b == 0:
                conv(p + "downsample.1", planes * 4, in_c, 1); bn(p + "downsample.2", planes * 4)
            in_c = planes * 4
    sd["fc.weight"] = torch.randn(1000, 2048)
    sd["fc.bias"] = torch.randn(1000)
    return sd


def write_large(directory):
    os.makedirs(directory, exist_ok=True)
    sd = resnest50_like()
    params = sum(t.numel() for t in sd.values())
    write_safetensors_to(sd, os.path.join(directory, "resnest50.safetensors"))
    torch.save(sd, os.path.join(directory, "resnest50_zip.pth"))
    torch.save(sd, os.path.join(directory, "resnest50_legacy.pth"), _use_new_zipfile_serialization=False)
    print(len(sd), "tensors,", params, "elements, written to", directory, file=sys.stderr)


def main():
    if len(sys.argv) == 3 and sys.argv[1] == "--large":
        write_large(sys.argv[2])
        return
    os.makedirs(OUT, exist_ok=True)
    sd = tiny_state_dict()

    save_zip(sd, "tiny_zip.pth")
    save_legacy(sd, "tiny_legacy.pth")
    save_zip({"epoch": 3, "arch": "tiny", "best_acc1": 0.5, "state_dict": sd,
              "optimizer": {"param_groups": [{"lr": 0.1}]}}, "tiny_nested.pth")
    save_zip(collections.OrderedDict((k, v.half() if v.is_floating_point() else v)
                                     for k, v in sd.items()), "tiny_f16.pth")
    save_zip(collections.OrderedDict(("module." + k, v) for k, v in sd.items()),
             "tiny_dataparallel.pth")
    write_safetensors(sd, "tiny.safetensors", {"format": "pt", "arch": "tiny"})
    # Protocol 4: FRAME, MEMOIZE, SHORT_BINUNICODE and STACK_GLOBAL instead of GLOBAL.
    torch.save(sd, os.path.join(OUT, "tiny_protocol4.pth"), pickle_protocol=4)
    # nn.Parameter values pickle through torch._utils._rebuild_parameter.
    save_zip(collections.OrderedDict(
        (k, torch.nn.Parameter(v, requires_grad=v.is_floating_point())) for k, v in sd.items()),
        "tiny_parameters.pth")

    # Every dtype the readers know, in one file each format: value(j, i) cast to the dtype.
    mixed = collections.OrderedDict()
    mixed["f16"] = value_tensor(0, (2, 3), torch.float16)
    mixed["bf16"] = value_tensor(1, (5,), torch.bfloat16)
    mixed["f64"] = value_tensor(2, (2, 2), torch.float64)
    mixed["i64"] = torch.arange(-3, 3, dtype=torch.int64)
    mixed["i32"] = torch.arange(-3, 3, dtype=torch.int32)
    mixed["i16"] = torch.arange(-3, 3, dtype=torch.int16)
    mixed["i8"] = torch.arange(-3, 3, dtype=torch.int8)
    mixed["u8"] = torch.arange(250, 256, dtype=torch.uint8)
    mixed["bool"] = torch.tensor([True, False, True])
    mixed["scalar"] = torch.tensor(2.5)
    mixed["empty"] = torch.zeros(0, 3)
    write_safetensors(mixed, "mixed_dtypes.safetensors")
    save_zip(mixed, "mixed_dtypes_zip.pth")

    # Views: a transposed (non-contiguous) tensor, a row at an offset, a strided column, all
    # sharing one storage with the base.
    base = torch.arange(12, dtype=torch.float32).reshape(3, 4)
    views = collections.OrderedDict()
    views["base"] = base
    views["transposed"] = base.t()
    views["row1"] = base[1]
    views["col2"] = base[:, 2]
    save_zip(views, "views_zip.pth")
    save_legacy(views, "views_legacy.pth")

    # Hostile: a value that runs os.system on torch.load (pickled as posix.system on Linux),
    # in both container formats, and one that calls builtins.eval.
    evil_system = collections.OrderedDict(w=torch.ones(2), x=Reduce(os.system, ("echo pwned",)))
    save_zip(evil_system, "evil_system_zip.pth")
    save_legacy(evil_system, "evil_system_legacy.pth")
    save_zip({"w": torch.ones(2), "x": Reduce(eval, ("1+1",))}, "evil_eval_zip.pth")

    # A timm training checkpoint keeps argparse.Namespace in "args": not part of a state dict.
    import argparse
    save_zip({"state_dict": sd, "args": argparse.Namespace(lr=0.1)}, "with_namespace.pth")

    total = sum(os.path.getsize(os.path.join(OUT, f)) for f in os.listdir(OUT))
    print("fixtures written to", os.path.normpath(OUT), "total", total, "bytes", file=sys.stderr)


if __name__ == "__main__":
    main()
