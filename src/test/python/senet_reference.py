"""Reference SENet-154 in plain PyTorch, written from the SENet paper (Hu et al., arXiv 1709.01507,
SENet-154 in its appendix) and timm's legacy `senet.py` (read, not copied). Module names are the
release's state-dict keys, so `legacy_senet154-e9eb9fe6.pth` loads into `SENet154()` unchanged.

The network:
    layer0  three 3x3 convs (w, w, 2w; the first strided by 2), each + BN + ReLU   (64, 64, 128)
    pool0   3x3 max-pool, stride 2, ceil mode, no padding
    layerS  bottlenecks: conv1 1x1 (2p) -> conv2 3x3 grouped (4p, the block's stride) -> conv3 1x1 (4p),
            BN after each, ReLU after the first two; SE on the branch: s = GAP(X), a = sigmoid(fc2(ReLU(fc1(s)))),
            fc1/fc2 1x1 convs with bias, hidden width floor(4p / reduction); out = ReLU(X * a + shortcut)
            shortcut: identity, or conv (1x1 in layer1; k x k, padding k//2, strided in layers 2-4) + BN
    head    global average pool, dropout (identity in eval), last_linear
p = planes of the stage (64, 128, 256, 512); groups 64; reduction 16; layers 3, 8, 36, 3.

    model = SENet154(**SMALL).eval()
    logits, captured = capture(model, x)   # captured["layer2.0.attention"]: [N, 1, 1, C]
"""
from collections import OrderedDict
from typing import Dict, List, Optional, Tuple

import torch
import torch.nn.functional as F
from torch import Tensor, nn

FULL = dict(layers=(3, 8, 36, 3), planes=(64, 128, 256, 512), groups=64, reduction=16, stem=64,
            down_kernel=3, num_classes=1000)


class SqueezeExcitation(nn.Module):
    """fc1 -> ReLU -> fc2 -> sigmoid on the pooled branch; records s (the pooled vector), a (the gate),
    and optionally X and X * a when a recorder dict is attached."""

    def __init__(self, channels: int, reduction: int, device=None):
        super().__init__()
        self.fc1 = nn.Conv2d(channels, channels // reduction, 1, bias=True, device=device)
        self.fc2 = nn.Conv2d(channels // reduction, channels, 1, bias=True, device=device)
        self.record: Optional[Dict[str, Tensor]] = None
        self.name = ""
        self.maps = False

    def forward(self, x: Tensor) -> Tensor:
        s = x.mean(dim=(2, 3), keepdim=True)                 # squeeze: [N, C, 1, 1]
        a = torch.sigmoid(self.fc2(F.relu(self.fc1(s))))     # excitation
        out = x * a                                          # scale
        if self.record is not None:
            n, c = x.shape[0], x.shape[1]
            self.record[self.name + ".gap"] = s.reshape(n, 1, c)
            self.record[self.name + ".attention"] = a.reshape(n, 1, 1, c)
            if self.maps:
                self.record[self.name + ".splits"] = x.unsqueeze(1).clone()
                self.record[self.name + ".fused"] = out.clone()
        return out


class SEBottleneck(nn.Module):
    """SENet-154's block: reduce-first widths 2p -> 4p -> 4p, 64 groups in the 3x3 conv, which strides."""

    def __init__(self, inplanes: int, planes: int, groups: int, reduction: int, stride: int,
                 downsample: Optional[nn.Module], device=None):
        super().__init__()
        self.conv1 = nn.Conv2d(inplanes, planes * 2, 1, bias=False, device=device)
        self.bn1 = nn.BatchNorm2d(planes * 2, device=device)
        self.conv2 = nn.Conv2d(planes * 2, planes * 4, 3, stride=stride, padding=1, groups=groups, bias=False,
                               device=device)
        self.bn2 = nn.BatchNorm2d(planes * 4, device=device)
        self.conv3 = nn.Conv2d(planes * 4, planes * 4, 1, bias=False, device=device)
        self.bn3 = nn.BatchNorm2d(planes * 4, device=device)
        self.se_module = SqueezeExcitation(planes * 4, reduction, device=device)
        self.downsample = downsample

    def forward(self, x: Tensor) -> Tensor:
        out = F.relu(self.bn1(self.conv1(x)))
        out = F.relu(self.bn2(self.conv2(out)))
        out = self.bn3(self.conv3(out))
        shortcut = x if self.downsample is None else self.downsample(x)
        return F.relu(self.se_module(out) + shortcut)


class SENet154(nn.Module):
    def __init__(self, layers=FULL["layers"], planes=FULL["planes"], groups=FULL["groups"],
                 reduction=FULL["reduction"], stem=FULL["stem"], down_kernel=FULL["down_kernel"],
                 num_classes=FULL["num_classes"], in_chans=3, drop_rate=0.2, device=None):
        super().__init__()
        self.layer0 = nn.Sequential(OrderedDict([
            ("conv1", nn.Conv2d(in_chans, stem, 3, stride=2, padding=1, bias=False, device=device)),
            ("bn1", nn.BatchNorm2d(stem, device=device)),
            ("relu1", nn.ReLU()),
            ("conv2", nn.Conv2d(stem, stem, 3, padding=1, bias=False, device=device)),
            ("bn2", nn.BatchNorm2d(stem, device=device)),
            ("relu2", nn.ReLU()),
            ("conv3", nn.Conv2d(stem, 2 * stem, 3, padding=1, bias=False, device=device)),
            ("bn3", nn.BatchNorm2d(2 * stem, device=device)),
            ("relu3", nn.ReLU()),
        ]))
        self.pool0 = nn.MaxPool2d(3, stride=2, ceil_mode=True)
        inplanes = 2 * stem
        for index, (blocks, p) in enumerate(zip(layers, planes)):
            stride = 1 if index == 0 else 2
            kernel = 1 if index == 0 else down_kernel
            downsample = None
            if stride != 1 or inplanes != 4 * p:
                downsample = nn.Sequential(
                    nn.Conv2d(inplanes, 4 * p, kernel, stride=stride, padding=kernel // 2, bias=False, device=device),
                    nn.BatchNorm2d(4 * p, device=device))
            stage = [SEBottleneck(inplanes, p, groups, reduction, stride, downsample, device=device)]
            inplanes = 4 * p
            stage += [SEBottleneck(inplanes, p, groups, reduction, 1, None, device=device) for _ in range(1, blocks)]
            self.add_module(f"layer{index + 1}", nn.Sequential(*stage))
        self.drop_rate = drop_rate
        self.last_linear = nn.Linear(inplanes, num_classes, device=device)
        self.stages = len(layers)

    def forward(self, x: Tensor) -> Tensor:
        x = self.pool0(self.layer0(x))
        for index in range(self.stages):
            x = getattr(self, f"layer{index + 1}")(x)
        x = x.mean(dim=(2, 3))
        x = F.dropout(x, p=self.drop_rate, training=self.training)
        return self.last_linear(x)


def blocks(model: SENet154) -> List[Tuple[str, SEBottleneck]]:
    return [(n, m) for n, m in model.named_modules() if isinstance(m, SEBottleneck)]


def capture(model: SENet154, x: Tensor, maps_block: str = "layer2.0") -> Tuple[Tensor, Dict[str, Tensor]]:
    """Logits, and per block its gate [N, 1, 1, C] and pooled vector [N, 1, C]; maps_block's branch
    before the gate [N, 1, C, H, W] and gated branch [N, C, H, W] too."""
    record: Dict[str, Tensor] = {}
    for name, block in blocks(model):
        block.se_module.record = record
        block.se_module.name = name
        block.se_module.maps = name == maps_block
    try:
        with torch.no_grad():
            logits = model(x)
    finally:
        for _, block in blocks(model):
            block.se_module.record = None
    return logits, record
