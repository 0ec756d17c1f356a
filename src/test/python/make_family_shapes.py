"""Writes src/test/resources/parity/family/timm-shapes.json: for every timm architecture SplitScope
has a preset for, the number of tensors, of parameters, and a SHA-256 of its state dict's sorted
"key shape" lines (num_batches_tracked left out), made by timm itself with random weights:

    PYTHONPATH=/tmp/timm-src /usr/bin/python3 src/test/python/make_family_shapes.py

PresetShapesTest builds each preset's network and compares: the presets are the published
architectures key for key and shape for shape, without shipping the shapes themselves.
"""
import hashlib
import json
from pathlib import Path

import timm

OUT = Path(__file__).resolve().parents[1] / "resources" / "parity" / "family" / "timm-shapes.json"
ARCHS = """seresnet50 seresnet152d seresnext26d_32x4d seresnext26t_32x4d seresnext50_32x4d seresnext101_32x8d
seresnext101d_32x8d ecaresnet26t ecaresnetlight ecaresnet50d ecaresnet50d_pruned ecaresnet50t ecaresnet101d
ecaresnet101d_pruned ecaresnet269d skresnet18 skresnet34 skresnext50_32x4d legacy_seresnet18 legacy_seresnet34
legacy_seresnet50 legacy_seresnet101 legacy_seresnet152 legacy_seresnext26_32x4d legacy_seresnext50_32x4d
legacy_seresnext101_32x4d""".split()


def main():
    out = {}
    for arch in ARCHS:
        state = timm.create_model(arch, pretrained=False).state_dict()
        lines = sorted(f"{k} {list(v.shape)}" for k, v in state.items() if not k.endswith("num_batches_tracked"))
        params = sum(v.numel() for k, v in state.items() if not k.endswith("num_batches_tracked"))
        digest = hashlib.sha256("\n".join(lines).encode("utf-8")).hexdigest()
        out[arch] = dict(tensors=len(lines), values=params, sha256=digest)
        print(arch, len(lines), params)
    OUT.write_text(json.dumps(out, indent=1) + "\n")


if __name__ == "__main__":
    main()
