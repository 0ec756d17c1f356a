"""Reference ResNeSt (split-attention network) in plain PyTorch, written from the paper and the
official implementation (zhanghang1989/ResNeSt, timm resnest). Module names equal the official
checkpoint keys, so official/timm state dicts load into it unchanged.

The SplitScope Java model is tested against this file (see make_parity_fixtures.py).

    config = ResNeStConfig(layers=[3, 4, 6, 3], radix=2, ...)   # fields = Java record components
    model = ResNeSt(config).eval()
    logits, captured = capture(model, x)    # captured["layer3.4.attention"]: [N, R, K, C/K]
"""
from dataclasses import asdict, dataclass, field
from typing import Dict, List, Tuple

import torch
import torch.nn.functional as F
from torch import Tensor, nn

EXPANSION = 4


@dataclass
class ResNeStConfig:
    layers: List[int] = field(default_factory=lambda: [3, 4, 6, 3])
    radix: int = 2               # 0: plain ResNeXt-D bottleneck, 1: sigmoid gate, >=2: softmax over splits
    cardinality: int = 1         # K
    bottleneckWidth: int = 64
    basePlanes: int = 64         # planes of stage i = basePlanes * 2**i
    stemWidth: int = 32
    deepStem: bool = True
    avgDown: bool = True
    avd: bool = True
    avdFirst: bool = False
    numClasses: int = 1000
    inChannels: int = 3
    stemStride: int = 2
    stemPool: bool = True

    def to_json(self) -> dict:
        return asdict(self)


def bn(channels: int) -> nn.BatchNorm2d:
    return nn.BatchNorm2d(channels, eps=1e-5)


class RSoftmax(nn.Module):
    """fc2 output (N, C*R, 1, 1) -> attention (N, R, K, C/K): softmax over R, or sigmoid if R == 1."""

    def __init__(self, radix: int, cardinality: int):
        super().__init__()
        self.radix = radix
        self.cardinality = cardinality

    def forward(self, x: Tensor) -> Tensor:
        n = x.shape[0]
        if self.radix > 1:
            a = x.view(n, self.cardinality, self.radix, -1)   # fc2 groups are K-major
            a = a.transpose(1, 2)                              # (N, R, K, C/K)
            return F.softmax(a, dim=1)
        a = torch.sigmoid(x)
        return a.view(n, 1, self.cardinality, -1)              # (N, 1, K, C/K)


class SplitAttention(nn.Module):
    """Split-attention 3x3 conv (official SplAtConv2d). Children: conv, bn0, fc1, bn1, fc2."""

    def __init__(self, in_channels: int, channels: int, stride: int, cardinality: int, radix: int):
        super().__init__()
        inter = max(in_channels * radix // 4, 32)
        self.radix = radix
        self.channels = channels
        self.conv = nn.Conv2d(in_channels, channels * radix, 3, stride, 1,
                              groups=cardinality * radix, bias=False)
        self.bn0 = bn(channels * radix)
        self.fc1 = nn.Conv2d(channels, inter, 1, groups=cardinality)
        self.bn1 = bn(inter)
        self.fc2 = nn.Conv2d(inter, channels * radix, 1, groups=cardinality)
        self.rsoftmax = RSoftmax(radix, cardinality)

    def forward(self, x: Tensor) -> Tensor:
        n, c, r = x.shape[0], self.channels, self.radix
        x = self.conv(x)
        x = self.bn0(x)
        x = F.relu(x)
        splits = torch.split(x, c, dim=1)                 # R tensors of (N, C, H, W)
        gap = sum(splits)
        gap = F.adaptive_avg_pool2d(gap, 1)               # (N, C, 1, 1)
        z = self.fc1(gap)
        z = self.bn1(z)
        z = F.relu(z)
        z = self.fc2(z)                                   # (N, C*R, 1, 1)
        a = self.rsoftmax(z)                              # (N, R, K, C/K)
        a = a.reshape(n, r * c, 1, 1)                     # radix-major
        attns = torch.split(a, c, dim=1)
        return sum(a_r * s_r for a_r, s_r in zip(attns, splits))


class Bottleneck(nn.Module):
    def __init__(self, inplanes: int, planes: int, stride: int, cfg: ResNeStConfig):
        super().__init__()
        k, r = cfg.cardinality, cfg.radix
        width = planes * cfg.bottleneckWidth // 64 * k    # == int(planes * (bw / 64.)) * K
        self.radix = r
        self.channels = width
        self.conv1 = nn.Conv2d(inplanes, width, 1, bias=False)
        self.bn1 = bn(width)
        use_avd = cfg.avd and stride > 1
        self.avd_first = use_avd and cfg.avdFirst
        self.avd_last = use_avd and not cfg.avdFirst
        self.avd_layer = nn.AvgPool2d(3, stride, padding=1) if use_avd else nn.Identity()  # no params
        conv_stride = 1 if use_avd else stride
        if r >= 1:
            self.conv2 = SplitAttention(width, width, conv_stride, k, r)
        else:
            self.conv2 = nn.Conv2d(width, width, 3, conv_stride, 1, groups=k, bias=False)
            self.bn2 = bn(width)
        self.conv3 = nn.Conv2d(width, planes * EXPANSION, 1, bias=False)
        self.bn3 = bn(planes * EXPANSION)
        self.downsample = None
        if stride != 1 or inplanes != planes * EXPANSION:
            if cfg.avgDown:
                pool = (nn.AvgPool2d(stride, stride, ceil_mode=True, count_include_pad=False)
                        if stride > 1 else nn.Identity())
                self.downsample = nn.Sequential(
                    pool, nn.Conv2d(inplanes, planes * EXPANSION, 1, bias=False), bn(planes * EXPANSION))
            else:
                self.downsample = nn.Sequential(
                    nn.Conv2d(inplanes, planes * EXPANSION, 1, stride, bias=False), bn(planes * EXPANSION))

    def forward(self, x: Tensor) -> Tensor:
        shortcut = x if self.downsample is None else self.downsample(x)
        out = self.conv1(x)
        out = self.bn1(out)
        out = F.relu(out)
        if self.avd_first:
            out = self.avd_layer(out)
        out = self.conv2(out)
        if self.radix == 0:
            out = self.bn2(out)
            out = F.relu(out)
        if self.avd_last:
            out = self.avd_layer(out)
        out = self.conv3(out)
        out = self.bn3(out)
        return F.relu(out + shortcut)


class ResNeSt(nn.Module):
    def __init__(self, cfg: ResNeStConfig):
        super().__init__()
        assert 1 <= len(cfg.layers) <= 4, "1 to 4 stages"
        self.config = cfg
        sw = cfg.stemWidth
        if cfg.deepStem:
            self.conv1 = nn.Sequential(
                nn.Conv2d(cfg.inChannels, sw, 3, cfg.stemStride, 1, bias=False), bn(sw), nn.ReLU(),
                nn.Conv2d(sw, sw, 3, 1, 1, bias=False), bn(sw), nn.ReLU(),
                nn.Conv2d(sw, 2 * sw, 3, 1, 1, bias=False))
        else:
            self.conv1 = nn.Conv2d(cfg.inChannels, 2 * sw, 7, cfg.stemStride, 3, bias=False)
        self.bn1 = bn(2 * sw)
        self.maxpool = nn.MaxPool2d(3, 2, padding=1) if cfg.stemPool else nn.Identity()
        inplanes = 2 * sw
        for i, blocks in enumerate(cfg.layers):
            planes = cfg.basePlanes * 2 ** i
            stage = []
            for j in range(blocks):
                stride = (1 if i == 0 else 2) if j == 0 else 1
                stage.append(Bottleneck(inplanes, planes, stride, cfg))
                inplanes = planes * EXPANSION
            self.add_module(f"layer{i + 1}", nn.Sequential(*stage))
        self.fc = nn.Linear(inplanes, cfg.numClasses)

    def stages(self) -> List[nn.Sequential]:
        return [getattr(self, f"layer{i + 1}") for i in range(len(self.config.layers))]

    def forward(self, x: Tensor) -> Tensor:
        x = self.conv1(x)
        x = self.bn1(x)
        x = F.relu(x)
        x = self.maxpool(x)
        for stage in self.stages():
            x = stage(x)
        x = F.adaptive_avg_pool2d(x, 1)
        x = torch.flatten(x, 1)
        return self.fc(x)


def resnest50(num_classes: int = 1000) -> ResNeSt:
    """Official resnest50 (ResNeSt-50, 2s1x64d): loads resnest50-*.pth / timm resnest50d."""
    return ResNeSt(ResNeStConfig(layers=[3, 4, 6, 3], radix=2, cardinality=1, bottleneckWidth=64,
                                 basePlanes=64, stemWidth=32, deepStem=True, avgDown=True, avd=True,
                                 avdFirst=False, numClasses=num_classes, inChannels=3, stemStride=2,
                                 stemPool=True))


def blocks(model: ResNeSt) -> List[Tuple[str, Bottleneck]]:
    """(module path, block) of every bottleneck, e.g. ("layer3.4", ...), in forward order."""
    return [(name, m) for name, m in model.named_modules() if isinstance(m, Bottleneck)]


def attach_capture(model: ResNeSt, sink: Dict[str, Tensor], to_host=lambda t: t.detach().clone()):
    """Forward hooks recording, per SplitAttention block `name`, sink[name + ".gap"] (N, K, C/K),
    the pooled sum of splits entering fc1, and sink[name + ".attention"] (N, R, K, C/K), the
    r-softmax/sigmoid output. Returns the hook handles (call .remove() on each to detach)."""
    handles = []
    for name, block in blocks(model):
        if block.radix == 0:
            continue
        sa, k = block.conv2, block.conv2.rsoftmax.cardinality

        def on_gap(_m, inputs, name=name, k=k):
            g = inputs[0]
            sink[name + ".gap"] = to_host(g.reshape(g.shape[0], k, -1))

        def on_attention(_m, _inputs, output, name=name):
            sink[name + ".attention"] = to_host(output)

        handles.append(sa.fc1.register_forward_pre_hook(on_gap))
        handles.append(sa.rsoftmax.register_forward_hook(on_attention))
    return handles


@torch.no_grad()
def capture(model: ResNeSt, x: Tensor) -> Tuple[Tensor, Dict[str, Tensor]]:
    """Logits plus the per-block attention/gap tensors (see attach_capture)."""
    sink: Dict[str, Tensor] = {}
    handles = attach_capture(model, sink)
    try:
        logits = model(x)
    finally:
        for h in handles:
            h.remove()
    return logits, sink
