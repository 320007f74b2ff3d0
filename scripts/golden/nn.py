#!/usr/bin/env python3
"""Golden files for src/nn: tiny networks run in PyTorch (forward, loss, gradients, one
Adam step). Run with Debian's python (apt-get install -y python3-torch):

    /usr/bin/python3 scripts/golden/nn.py

Writes test/golden/nn/*.json. Parameters are listed in convolab's flat order (layer by layer;
conv / dense: weight then bias; batch norm: weight (gamma), bias (beta), running_mean,
running_var), with PyTorch's tensor layouts, which convolab shares.
"""
import json
import os

import torch
import torch.nn as nn

torch.manual_seed(0)
torch.set_default_dtype(torch.float64)  # the reference values in float64
OUT = os.path.join(os.path.dirname(__file__), '..', '..', 'test', 'golden', 'nn')
os.makedirs(OUT, exist_ok=True)


def flat(ts):
    return [float(v) for t in ts for v in t.detach().reshape(-1).tolist()]


def params_of(model):
    out = []
    for m in model:
        if isinstance(m, nn.BatchNorm2d) or isinstance(m, nn.BatchNorm1d):
            out += [m.weight, m.bias, m.running_mean, m.running_var]
        else:
            out += [p for p in m.parameters()]
    return out


def trainable(model):
    return [p for p in model.parameters()]


def case(name, layers, torch_layers, x, target, loss_kind):
    model = nn.Sequential(*torch_layers)
    with torch.no_grad():
        for p in model.parameters():
            p.copy_(torch.empty_like(p).uniform_(-0.5, 0.5))
        for m in model:
            if isinstance(m, (nn.BatchNorm2d, nn.BatchNorm1d)):
                m.running_mean.copy_(torch.empty_like(m.running_mean).uniform_(-0.2, 0.2))
                m.running_var.copy_(torch.empty_like(m.running_var).uniform_(0.5, 1.5))
    p0 = flat(params_of(model))
    model.train()
    opt = torch.optim.Adam(model.parameters(), lr=1e-2)
    opt.zero_grad()
    y = model(x)
    if loss_kind == 'ce':
        loss = nn.functional.cross_entropy(y, target)
    else:
        loss = nn.functional.mse_loss(y, target)
    loss.backward()
    grads = flat([p.grad for p in trainable(model)])
    opt.step()
    p1 = flat(params_of(model))  # includes the running statistics updated by the forward
    doc = {
        'layers': layers,
        'inputShape': list(x.shape[1:]),
        'input': flat([x]),
        'target': flat([target]) if loss_kind == 'mse' else target.tolist(),
        'targetShape': list(target.shape),
        'loss_kind': loss_kind,
        'params': p0,
        'output': flat([y]),
        'outputShape': list(y.shape),
        'loss': float(loss),
        'grads': grads,
        'adam': {'lr': 1e-2},
        'params_after_adam': p1,
        'torch': torch.__version__,
    }
    with open(os.path.join(OUT, f'{name}.json'), 'w') as f:
        json.dump(doc, f)
    print(name, 'loss', float(loss), 'params', len(p0))


# A tiny classifier: conv (padding, stride, dilation, groups), pools, dense, CE loss.
x = torch.rand(3, 2, 9, 9)
case(
    'tiny-cnn',
    [
        {'type': 'conv2d', 'filters': 4, 'kernelSize': 3, 'padding': 1},
        {'type': 'relu'},
        {'type': 'maxpool2d', 'poolSize': 2},
        {'type': 'conv2d', 'filters': 6, 'kernelSize': 2, 'stride': 1, 'dilation': 2, 'groups': 2},
        {'type': 'tanh'},
        {'type': 'flatten'},
        {'type': 'dense', 'units': 5},
        {'type': 'leaky_relu', 'alpha': 0.1},
        {'type': 'dense', 'units': 3},
    ],
    [
        nn.Conv2d(2, 4, 3, padding=1),
        nn.ReLU(),
        nn.MaxPool2d(2),
        nn.Conv2d(4, 6, 2, dilation=2, groups=2),
        nn.Tanh(),
        nn.Flatten(),
        nn.Linear(6 * 2 * 2, 5),
        nn.LeakyReLU(0.1),
        nn.Linear(5, 3),
    ],
    x,
    torch.tensor([0, 2, 1]),
    'ce',
)

# A tiny decoder: batch norm, transposed conv, upsample, avg pool, sigmoid, MSE loss.
x = torch.rand(2, 3, 4, 4)
target = torch.rand(2, 2, 8, 8)
case(
    'tiny-decoder',
    [
        {'type': 'batchnorm2d'},
        {'type': 'conv_transpose2d', 'filters': 4, 'kernelSize': 3, 'stride': 2, 'padding': 1, 'outputPadding': 1},
        {'type': 'sigmoid'},
        {'type': 'upsample2d', 'scale': 2},
        {'type': 'avgpool2d', 'poolSize': 2},
        {'type': 'conv2d', 'filters': 2, 'kernelSize': 3, 'padding': 'same'},
    ],
    [
        nn.BatchNorm2d(3),
        nn.ConvTranspose2d(3, 4, 3, stride=2, padding=1, output_padding=1),
        nn.Sigmoid(),
        nn.Upsample(scale_factor=2, mode='nearest'),
        nn.AvgPool2d(2),
        nn.Conv2d(4, 2, 3, padding='same'),
    ],
    x,
    target,
    'mse',
)

# Global average pooling, batch norm 1-D and dropout in inference shape.
x = torch.rand(4, 3, 5, 5)
case(
    'tiny-gap',
    [
        {'type': 'conv2d', 'filters': 4, 'kernelSize': 3, 'stride': 2, 'padding': [1, 0], 'bias': False},
        {'type': 'global_avg_pool'},
        {'type': 'batchnorm1d'},
        {'type': 'dense', 'units': 3},
    ],
    [
        nn.Conv2d(3, 4, 3, stride=2, padding=(1, 0), bias=False),  # a bias before batch norm has a zero gradient
        nn.AdaptiveAvgPool2d(1),
        nn.Flatten(),
        nn.BatchNorm1d(4),
        nn.Linear(4, 3),
    ],
    x,
    torch.tensor([2, 0, 1, 1]),
    'ce',
)


# Optimisers: a fixed parameter vector and three fixed gradients, three steps each.
def optimizers():
    p0 = torch.rand(7) - 0.5
    grads = [torch.rand(7) - 0.5 for _ in range(3)]
    cases = {
        'sgd': (torch.optim.SGD, dict(lr=0.1)),
        'sgd_momentum_wd': (torch.optim.SGD, dict(lr=0.1, momentum=0.9, weight_decay=0.01)),
        'sgd_nesterov': (torch.optim.SGD, dict(lr=0.1, momentum=0.9, nesterov=True)),
        'adam': (torch.optim.Adam, dict(lr=0.01, weight_decay=0.01)),
        'adamw': (torch.optim.AdamW, dict(lr=0.01, weight_decay=0.1)),
    }
    doc = {'params': p0.tolist(), 'grads': [g.tolist() for g in grads], 'cases': {}}
    for name, (cls, kw) in cases.items():
        p = p0.clone().requires_grad_(True)
        opt = cls([p], **kw)
        steps = []
        for g in grads:
            p.grad = g.clone()
            opt.step()
            steps.append(p.detach().tolist())
        doc['cases'][name] = {'options': kw, 'steps': steps}
    # Schedules, per epoch, as torch computes them.
    q = torch.zeros(1, requires_grad=True)
    o = torch.optim.SGD([q], lr=0.1)
    s = torch.optim.lr_scheduler.StepLR(o, step_size=3, gamma=0.5)
    step_lrs = []
    for _ in range(8):
        step_lrs.append(o.param_groups[0]['lr'])
        o.step()
        s.step()
    o = torch.optim.SGD([q], lr=0.1)
    s = torch.optim.lr_scheduler.CosineAnnealingLR(o, T_max=5, eta_min=0.001)
    cos_lrs = []
    for _ in range(6):
        cos_lrs.append(o.param_groups[0]['lr'])
        o.step()
        s.step()
    doc['schedules'] = {'step': {'lr': 0.1, 'step_size': 3, 'gamma': 0.5, 'lrs': step_lrs}, 'cosine': {'lr': 0.1, 'epochs': 5, 'min_lr': 0.001, 'lrs': cos_lrs}}
    with open(os.path.join(OUT, 'optimizers.json'), 'w') as f:
        json.dump(doc, f)
    print('optimizers', list(cases))


optimizers()
