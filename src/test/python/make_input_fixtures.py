#!/usr/bin/python3
"""Writes the fixtures for org.splitscope.input tests into src/test/resources/input/.

Run from the repository root with Debian's Python (PIL and numpy; torchvision is used when present):

    /usr/bin/python3 src/test/python/make_input_fixtures.py

Everything is generated from code (no photos), deterministic, and small (< 1 MB in all).

* parity/: source images, the expected float32 CHW tensors (.npy) made with PIL + torchvision's eval
  transform, and parity.json listing the cases for PreprocessorParityTest.
* formats/: one 48x32 picture of flat colour blocks saved in every supported format.
* orientation/: JPEGs with EXIF orientation 1..8 (and TIFF/WebP/PNG with 6) whose upright view has
  red top-left, green top-right, blue bottom-left and yellow bottom-right quarters.
* pixels/: gray, gray+alpha, RGBA and palette-with-transparency PNGs with known values.
* npy/: arrays written by numpy: float32 (format 1.0 and 2.0), Fortran order, float64, int64.
"""
import json
import math
import os

import numpy as np
from PIL import Image, ImageOps

OUT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "resources", "input")
IMAGENET_MEAN = [0.485, 0.456, 0.406]
IMAGENET_STD = [0.229, 0.224, 0.225]
rng = np.random.default_rng(20240601)


def path(*parts):
    p = os.path.join(OUT, *parts)
    os.makedirs(os.path.dirname(p), exist_ok=True)
    return p


# ---------------------------------------------------------------- parity

def photo(w, h, seed_shift=0):
    """Something photo-like: gradients, a disc, a hard edge, and mild noise."""
    y, x = np.mgrid[0:h, 0:w].astype(np.float64)
    r = 128 + 100 * np.sin(x / w * 5 + seed_shift)
    g = 255 * y / h
    b = 200 * ((x - w * 0.6) ** 2 + (y - h * 0.4) ** 2 < (min(w, h) * 0.3) ** 2)
    img = np.stack([r, g, b], -1)
    img[:, : w // 5] = [250, 250, 20]  # a sharp edge, where bicubic overshoots and PIL clips
    img += rng.normal(0, 12, img.shape)
    return Image.fromarray(img.clip(0, 255).astype(np.uint8), "RGB")


def manual_eval_transform(img, size, crop_fraction, resample, mean, std):
    """timm's eval transform written out: torchvision Resize(int), CenterCrop, ToTensor, Normalize."""
    scale_size = math.floor(size / crop_fraction)
    w, h = img.size
    short, long = (w, h) if w <= h else (h, w)
    new_short, new_long = scale_size, int(scale_size * long / short)
    new_w, new_h = (new_short, new_long) if w <= h else (new_long, new_short)
    img = img.resize((new_w, new_h), resample)
    a = np.asarray(img, dtype=np.float32) / 255.0
    if a.ndim == 2:
        a = a[:, :, None]
    # CenterCrop; pad with zeros first when the crop is larger, like torchvision.
    ph, pw = max(size - new_h, 0), max(size - new_w, 0)
    a = np.pad(a, ((ph // 2, (ph + 1) // 2), (pw // 2, (pw + 1) // 2), (0, 0)))
    H, W = a.shape[:2]
    top, left = int(round((H - size) / 2.0)), int(round((W - size) / 2.0))
    a = a[top : top + size, left : left + size]
    a = (a - np.array(mean, np.float32)) / np.array(std, np.float32)
    return np.ascontiguousarray(a.transpose(2, 0, 1), dtype=np.float32)


def torchvision_eval_transform(img, size, crop_fraction, resample, mean, std):
    try:
        from torchvision import transforms
        from torchvision.transforms import InterpolationMode
    except ImportError:
        return None
    mode = {Image.BILINEAR: InterpolationMode.BILINEAR, Image.BICUBIC: InterpolationMode.BICUBIC}[resample]
    t = transforms.Compose([
        transforms.Resize(math.floor(size / crop_fraction), interpolation=mode),
        transforms.CenterCrop(size),
        transforms.ToTensor(),
        transforms.Normalize(mean, std),
    ])
    return t(img).numpy().astype(np.float32)


def formula_image(w, h):
    """A busy picture both sides compute from integers, so large sources need no file.
    PreprocessorParityTest.formulaImage must stay the same formula."""
    y, x = np.mgrid[0:h, 0:w].astype(np.int64)
    channels = [(x * 73 + y * 151 + (x * y) % 97 * 11 + c * 50) % 256 for c in range(3)]
    return Image.fromarray(np.stack(channels, -1).astype(np.uint8), "RGB")


def parity_fixtures():
    sources = {
        "formula:600x400": formula_image(600, 400),  # shrunk 11x: wide antialiasing kernels
        "photo.png": photo(150, 100),  # landscape, downscaled
        "small.png": photo(40, 30, 1.0),  # upscaled
        "gray.png": photo(90, 120, 2.0).convert("L"),  # portrait, grayscale
    }
    rgba = np.array(photo(80, 60, 3.0).convert("RGBA"))
    rgba[..., 3] = np.linspace(0, 255, 80)[None, :].astype(np.uint8)  # transparent left to opaque right
    sources["rgba.png"] = Image.fromarray(rgba, "RGBA")
    for name, img in sources.items():
        if not name.startswith("formula:"):
            img.save(path("parity", name))

    gray_norm = ([0.5], [0.5])
    cases = [
        # name, source, size, crop fraction, interpolation, channels
        ("photo_bicubic", "photo.png", 64, 0.875, "BICUBIC", 3),
        ("photo_bilinear", "photo.png", 64, 0.875, "BILINEAR", 3),
        ("small_bicubic_upscale", "small.png", 48, 0.9, "BICUBIC", 3),
        ("small_bilinear_upscale", "small.png", 48, 0.9, "BILINEAR", 3),
        ("gray_to_rgb", "gray.png", 56, 0.875, "BICUBIC", 3),
        ("photo_to_luminance", "photo.png", 32, 1.0, "BILINEAR", 1),
        ("rgba_over_white", "rgba.png", 48, 0.875, "BICUBIC", 3),
        ("photo_crop_padded", "photo.png", 64, 1.25, "BILINEAR", 3),
        ("formula_bicubic_shrink11", "formula:600x400", 32, 0.875, "BICUBIC", 3),
        ("formula_bilinear_shrink11", "formula:600x400", 32, 0.875, "BILINEAR", 3),
    ]
    manifest = []
    for name, source, size, crop, interp, channels in cases:
        img = sources[source]
        if img.mode == "RGBA":  # composite over white, as SplitScope does
            white = Image.new("RGBA", img.size, (255, 255, 255, 255))
            img = Image.alpha_composite(white, img)
        img = img.convert("L" if channels == 1 else "RGB")
        mean, std = gray_norm if channels == 1 else (IMAGENET_MEAN, IMAGENET_STD)
        resample = Image.BICUBIC if interp == "BICUBIC" else Image.BILINEAR
        expected = manual_eval_transform(img, size, crop, resample, mean, std)
        reference = torchvision_eval_transform(img, size, crop, resample, mean, std)
        if reference is not None:
            # Our reading of torchvision must be torchvision.
            assert np.abs(reference - expected).max() < 1e-5, (name, np.abs(reference - expected).max())
            expected = reference
        np.save(path("parity", name + ".npy"), expected)
        manifest.append(dict(name=name, source=source, size=size, cropFraction=crop,
                             interpolation=interp, channels=channels, mean=mean, std=std))
    with open(path("parity", "parity.json"), "w") as f:
        json.dump(manifest, f, indent=1)


# ---------------------------------------------------------------- formats

BLOCK_COLOURS = [
    (255, 255, 255), (0, 0, 0), (200, 30, 40), (30, 160, 60),
    (40, 60, 210), (240, 200, 30), (120, 120, 120), (90, 30, 120),
    (0, 180, 200), (250, 140, 170), (140, 90, 40), (60, 60, 20),
    (180, 220, 140), (20, 40, 80), (230, 120, 20), (160, 200, 240),
]


def blocks():
    """48x32: a 4x4 grid of flat 12x8 blocks, few colours so GIF and palettes are lossless."""
    a = np.zeros((32, 48, 3), np.uint8)
    for i, colour in enumerate(BLOCK_COLOURS):
        r, c = divmod(i, 4)
        a[r * 8 : r * 8 + 8, c * 12 : c * 12 + 12] = colour
    return Image.fromarray(a, "RGB")


def format_fixtures():
    img = blocks()
    img.save(path("formats", "blocks.png"))
    img.save(path("formats", "blocks.jpg"), quality=95, subsampling=0)
    img.convert("CMYK").save(path("formats", "blocks_cmyk.jpg"), quality=95, subsampling=0)
    img.save(path("formats", "blocks.bmp"))
    img.save(path("formats", "blocks.gif"))
    img.save(path("formats", "blocks.tif"), compression="tiff_lzw")
    img.save(path("formats", "blocks_lossless.webp"), lossless=True)
    img.save(path("formats", "blocks_lossy.webp"), quality=95)
    # PIL decodes each one back to the picture: the fixtures are sound. Lossy ones are exact only
    # away from the block edges (lossy WebP always halves the colour resolution).
    centres = np.asarray(img, np.int32)[4::8, 6::12]
    for name in os.listdir(path("formats")):
        back = np.asarray(Image.open(path("formats", name)).convert("RGB"), np.int32)
        if "jpg" in name or "lossy" in name:
            assert np.abs(back[4::8, 6::12] - centres).max() <= 4, name
        else:
            assert (back == np.asarray(img, np.int32)).all(), name


# ---------------------------------------------------------------- orientation

# PIL's exif_transpose turns stored pixels upright; these undo it, to store an upright picture.
STORE = {
    1: None,
    2: Image.FLIP_LEFT_RIGHT,
    3: Image.ROTATE_180,
    4: Image.FLIP_TOP_BOTTOM,
    5: Image.TRANSPOSE,
    6: Image.ROTATE_90,  # exif_transpose applies ROTATE_270 for 6
    7: Image.TRANSVERSE,
    8: Image.ROTATE_270,  # exif_transpose applies ROTATE_90 for 8
}


def quarters():
    """32x16 upright: red | green over blue | yellow."""
    a = np.zeros((16, 32, 3), np.uint8)
    a[:8, :16] = (255, 0, 0)
    a[:8, 16:] = (0, 255, 0)
    a[8:, :16] = (0, 0, 255)
    a[8:, 16:] = (255, 255, 0)
    return Image.fromarray(a, "RGB")


def orientation_fixtures():
    upright = quarters()
    for o, op in STORE.items():
        stored = upright if op is None else upright.transpose(op)
        exif = Image.Exif()
        exif[0x0112] = o
        name = path("orientation", f"orientation_{o}.jpg")
        stored.save(name, quality=95, subsampling=0, exif=exif.tobytes())
        if o == 6:
            stored.save(path("orientation", "orientation_6.tif"), tiffinfo={0x0112: 6})
            stored.save(path("orientation", "orientation_6.webp"), lossless=True, exif=exif.tobytes())
            stored.save(path("orientation", "orientation_6.png"), exif=exif.tobytes())
    for name in os.listdir(path("orientation")):
        im = Image.open(path("orientation", name))
        # Pillow 9 already turns TIFFs upright when loading them (and exif_transpose would turn them again).
        upright_view = im if name.endswith(".tif") else ImageOps.exif_transpose(im)
        back = np.asarray(upright_view.convert("RGB"), np.int32)
        assert back.shape == (16, 32, 3), name
        assert np.abs(back - np.asarray(upright, np.int32)).mean() < 4, name


# ---------------------------------------------------------------- pixels

def pixel_fixtures():
    y, x = np.mgrid[0:20, 0:30]
    gray = ((x * 7 + y * 3) % 256).astype(np.uint8)  # GrayscaleTest recomputes this formula
    Image.fromarray(gray, "L").save(path("pixels", "gray.png"))
    Image.fromarray(gray, "L").save(path("pixels", "gray.jpg"), quality=100)
    alpha = ((x * 255) // 29).astype(np.uint8)
    Image.fromarray(np.stack([gray, alpha], -1), "LA").save(path("pixels", "gray_alpha.png"))
    rgba = np.stack([gray, 255 - gray, np.full_like(gray, 100), alpha], -1)
    Image.fromarray(rgba, "RGBA").save(path("pixels", "rgba.png"))
    pal = blocks().convert("P", palette=Image.ADAPTIVE, colors=16)
    see_through = pal.getpixel((18, 12))  # the colour of block 5 (row 1, column 1) becomes transparent
    pal.save(path("pixels", "palette_transparent.png"), transparency=see_through)


# ---------------------------------------------------------------- npy

def npy_fixtures():
    a = (np.arange(24, dtype=np.float32).reshape(2, 3, 4) - 5.5) / 3  # NpyReaderTest recomputes this
    np.save(path("npy", "float32_v1.npy"), a)
    with open(path("npy", "float32_v2.npy"), "wb") as f:
        np.lib.format.write_array(f, a, version=(2, 0))
    np.save(path("npy", "fortran.npy"), np.asfortranarray(a))
    np.save(path("npy", "float64.npy"), a.astype(np.float64))
    np.save(path("npy", "int64.npy"), np.arange(6, dtype=np.int64))
    np.save(path("npy", "scalar.npy"), np.float32(2.5))


if __name__ == "__main__":
    parity_fixtures()
    format_fixtures()
    orientation_fixtures()
    pixel_fixtures()
    npy_fixtures()
    total = sum(os.path.getsize(os.path.join(d, f)) for d, _, fs in os.walk(OUT) for f in fs)
    print(f"fixtures written to {os.path.normpath(OUT)}: {total} bytes")
