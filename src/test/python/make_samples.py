"""Writes resources/samples/: Fashion-MNIST test images (the first 3 of each class) as 28x28 grayscale
PNGs, the public-domain/CC0 photos of python3-skimage, and index.json. Run with Debian's python3:
/usr/bin/python3 src/test/python/make_samples.py"""
import gzip
import json
import os
import shutil

import numpy as np
from PIL import Image

ROOT = os.path.join(os.path.dirname(__file__), "..", "..", "..", "resources", "samples")
DATA = "/usr/share/datasets/fashion-mnist"
SKIMAGE = "/usr/lib/python3/dist-packages/skimage/data"
LABELS = ["T-shirt/top", "Trouser", "Pullover", "Dress", "Coat", "Sandal", "Shirt", "Sneaker", "Bag", "Ankle boot"]
PHOTOS = [  # file, title
    ("chelsea.png", "Chelsea the cat"),
    ("coffee.png", "Coffee cup"),
    ("astronaut.png", "Astronaut Eileen Collins"),
    ("rocket.jpg", "Falcon 9 launch"),
]


def idx(path, offset):
    with gzip.open(path, "rb") as f:
        return np.frombuffer(f.read(), dtype=np.uint8, offset=offset)


def main():
    images = idx(f"{DATA}/t10k-images-idx3-ubyte.gz", 16).reshape(-1, 28, 28)
    labels = idx(f"{DATA}/t10k-labels-idx1-ubyte.gz", 8)
    os.makedirs(f"{ROOT}/fashion-mnist", exist_ok=True)
    os.makedirs(f"{ROOT}/photos", exist_ok=True)
    entries = []
    for label in range(10):
        for i in np.nonzero(labels == label)[0][:3]:
            slug = LABELS[label].lower().replace("/", "-").replace(" ", "-")
            name = f"fashion-mnist/{slug}-{i:04d}.png"
            Image.fromarray(images[i], mode="L").save(f"{ROOT}/{name}", optimize=True)
            entries.append({"file": name, "title": f"{LABELS[label]} (test image {i})", "kind": "fashion-mnist",
                            "label": label})
    for file, title in PHOTOS:
        shutil.copyfile(f"{SKIMAGE}/{file}", f"{ROOT}/photos/{file}")
        entries.append({"file": f"photos/{file}", "title": title, "kind": "photo"})
    entries.sort(key=lambda e: (e["kind"] != "fashion-mnist", e["file"]))
    with open(f"{ROOT}/index.json", "w") as f:
        json.dump({"samples": entries}, f, indent=1)
        f.write("\n")


if __name__ == "__main__":
    main()
