"""Random weights for the parity fixtures, shared by make_parity_fixtures.py (and through it
make_published_fixtures.py), make_family_fixtures.py and make_senet154_fixtures.py; needs torch only."""
import math

import torch
from torch import nn


def family_attention(name):
    """SE/ECA/SK attention layers and the head, by their timm and SENet-release module names."""
    return any(p in name for p in (".se", "se_module", ".attn.")) or name in ("fc", "last_linear")


def randomize(model, attention=family_attention):
    """Every parameter matters: convs N(0, 1/fan_in), the layers `attention(name)` picks N(0, 2/fan_in)
    so gates spread over (0, 1), batch norms with random affine and running statistics."""
    with torch.no_grad():
        for name, m in model.named_modules():
            if isinstance(m, (nn.Conv2d, nn.Conv1d, nn.Linear)):
                gain = 2.0 if attention(name) else 1.0
                m.weight.normal_(0.0, math.sqrt(gain / m.weight[0].numel()))
                if m.bias is not None:
                    m.bias.normal_(0.0, 0.1)
            elif isinstance(m, nn.BatchNorm2d):
                m.weight.uniform_(0.5, 1.5)
                m.bias.normal_(0.0, 0.1)
                m.running_mean.normal_(0.0, 0.1)
                m.running_var.uniform_(0.5, 1.5)
