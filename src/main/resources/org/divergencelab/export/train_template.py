#!/usr/bin/env python3
"""Standalone PyTorch version of a Divergence Lab experiment (written by `divergence-lab.jar export`).

    python3 train.py [--iterations N] [--device cpu|cuda|cuda:1] [--out DIR]   train, write DIR/metrics.csv
    torchrun --nproc_per_node=4 train.py --ddp [...]                           the same on 4 GPUs (or CPU processes)
    python3 train.py --check RUN [--verbose]                                   replay `train --dump-batches K --out RUN`

The experiment (below, as written by the exporter) runs as in the Lab: G and D start from init_weights.json
(the Lab's initial weights for the experiment's seed), each iteration takes k_D critic steps, each on a fresh
real batch and fresh z, then k_G generator steps on fresh z; float32 throughout. Dense layers keep the Lab's
layout y = x W + b with W stored fanIn x fanOut.

--check RUN redoes every recorded step with the recorded inputs (real batch, z, the penalty's epsilon) three ways
and compares each step's loss with the Lab's (relative error): from the initial weights alone (the free run), with
the Lab's training state re-loaded before each iteration, and with it re-loaded before every step; the last
decides (exit 0 when every loss is within --tolerance, 1e-4). Why not the free run: in float32 two engines that
round differently drift apart within a few WGAN(-GP) iterations (Adam turns gradients at rounding level into steps
of up to lr), so only a step from the same state can be held to 1e-4; the others are printed as information.

--ddp: every process trains on batch_size / world_size samples and the gradients are averaged across processes
with all_reduce before each update, which is what DDP does; it is done by hand because the gradient penalty
differentiates through the critic twice (create_graph), which DDP's hooks do not support.
"""
import argparse
import json
import math
import os
import re
import sys
import time

import torch
import torch.nn.functional as F

CONFIG = json.loads(r'''__CONFIG_JSON__''')

HERE = os.path.dirname(os.path.abspath(__file__))
DTYPE = torch.float32   # --check of a float64 dump switches to float64


# ------------------------------------------------------------------------------------------------ data spec

class DataSpec:
    """A sampler for the Lab's data spec language (the subset listed in SUPPORTED), drawing in float64."""
    SUPPORTED = ("normal", "uniform", "point", "normal2", "segment", "box", "ring", "grid", "mixture",
                 "swissroll", "moons", "spiral", "checkerboard", "eightgaussians")

    def __init__(self, text):
        self.text = text
        self.pos = 0
        self.root = self._spec()
        self._space()
        if self.pos != len(text):
            raise ValueError("data spec %r: unexpected text at %d" % (text, self.pos))

    # grammar: spec := NAME ['(' args ')'];  arg := NUMBER | NUMBER '*' spec | spec
    def _space(self):
        while self.pos < len(self.text) and self.text[self.pos].isspace():
            self.pos += 1

    def _spec(self):
        self._space()
        m = re.compile(r"[A-Za-z_][A-Za-z0-9_]*").match(self.text, self.pos)
        if not m:
            raise ValueError("data spec %r: expected a name at %d" % (self.text, self.pos))
        name = m.group(0)
        self.pos = m.end()
        if name == "eight_gaussians":
            name = "eightgaussians"
        if name not in self.SUPPORTED:
            raise ValueError("data spec %r: %r is not supported here (supported: %s)"
                             % (self.text, name, ", ".join(self.SUPPORTED)))
        args = []
        self._space()
        if self.pos < len(self.text) and self.text[self.pos] == "(":
            self.pos += 1
            self._space()
            if self.text[self.pos] != ")":
                while True:
                    args.append(self._arg())
                    self._space()
                    c = self.text[self.pos]
                    self.pos += 1
                    if c == ")":
                        break
                    if c != ",":
                        raise ValueError("data spec %r: expected ',' or ')' at %d" % (self.text, self.pos - 1))
            else:
                self.pos += 1
        return self._build(name, args)

    def _arg(self):
        self._space()
        m = re.compile(r"[-+]?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?").match(self.text, self.pos)
        if m:
            self.pos = m.end()
            value = float(m.group(0))
            self._space()
            if self.pos < len(self.text) and self.text[self.pos] == "*":
                self.pos += 1
                return (value, self._spec())
            return value
        return (1.0, self._spec())

    def _build(self, name, args):
        def nums():
            if any(not isinstance(a, float) for a in args):
                raise ValueError("data spec %r: %s takes numbers" % (self.text, name))
            return args
        if name == "mixture":
            return ("mixture", [a if isinstance(a, tuple) else (1.0, a) for a in args])
        if name == "ring":
            k, r, s = nums()
            return ("mixture", [(1.0, ("normal2", [r * math.cos(2 * math.pi * i / int(k)),
                                                    r * math.sin(2 * math.pi * i / int(k)), s, s, 0.0]))
                                for i in range(int(k))])
        if name == "eightgaussians":
            return self._build("ring", [8.0, 2 / 1.414, 0.02 / 1.414])
        if name == "grid":
            k, d, s = nums()
            off = (int(k) - 1) / 2.0
            return ("mixture", [(1.0, ("normal2", [(i - off) * d, (j - off) * d, s, s, 0.0]))
                                for i in range(int(k)) for j in range(int(k))])
        if name == "checkerboard":
            n = int(nums()[0])
            s = 4.0 / n
            return ("mixture", [(1.0, ("box", [-2 + i * s, -2 + j * s, -2 + (i + 1) * s, -2 + (j + 1) * s]))
                                for i in range(n) for j in range(n) if (i + j) % 2 == 0])
        if name == "normal2" and len(args) == 4:
            args = list(args) + [0.0]
        return (name, nums())

    def dim(self):
        return self._dim(self.root)

    def _dim(self, node):
        name, args = node
        if name == "mixture":
            return self._dim(args[0][1])
        if name == "point":
            return len(args)
        return 1 if name in ("normal", "uniform") else 2

    def sample(self, n, gen):
        """n points, n x dim, float64, drawn from the torch generator gen (on the CPU)."""
        return self._sample(self.root, n, gen)

    def _sample(self, node, n, gen):
        name, a = node
        u = lambda: torch.rand(n, generator=gen, dtype=torch.float64)
        g = lambda: torch.randn(n, generator=gen, dtype=torch.float64)
        if name == "normal":
            return (a[0] + a[1] * g()).unsqueeze(1)
        if name == "uniform":
            return (a[0] + (a[1] - a[0]) * u()).unsqueeze(1)
        if name == "point":
            return torch.tensor(a, dtype=torch.float64).repeat(n, 1)
        if name == "normal2":
            mx, my, sx, sy, rho = a
            z1, z2 = g(), g()
            return torch.stack([mx + sx * z1, my + sy * (rho * z1 + math.sqrt(1 - rho * rho) * z2)], 1)
        if name == "segment":
            t = u()
            return torch.stack([a[0] + t * (a[2] - a[0]), a[1] + t * (a[3] - a[1])], 1)
        if name == "box":
            return torch.stack([a[0] + (a[2] - a[0]) * u(), a[1] + (a[3] - a[1]) * u()], 1)
        if name == "swissroll":  # scikit-learn's make_swiss_roll (x, z plane), scaled by 1/7.5
            t = 1.5 * math.pi * (1 + 2 * u())
            return torch.stack([t * torch.cos(t) / 7.5 + a[0] * g(), t * torch.sin(t) / 7.5 + a[0] * g()], 1)
        if name == "moons":
            th = math.pi * u()
            upper = torch.rand(n, generator=gen) < 0.5
            x = torch.where(upper, torch.cos(th), 1 - torch.cos(th))
            y = torch.where(upper, torch.sin(th), 0.5 - torch.sin(th))
            return torch.stack([x + a[0] * g(), y + a[0] * g()], 1)
        if name == "spiral":
            s = u()
            th = 2 * math.pi * a[0] * s
            return torch.stack([s * torch.cos(th) + a[1] * g(), s * torch.sin(th) + a[1] * g()], 1)
        if name == "mixture":
            w = torch.tensor([p[0] for p in a], dtype=torch.float64)
            pick = torch.multinomial(w / w.sum(), n, replacement=True, generator=gen)
            out = torch.empty(n, self._dim(node), dtype=torch.float64)
            for i, (_, comp) in enumerate(a):
                idx = (pick == i).nonzero().flatten()
                if len(idx):
                    out[idx] = self._sample(comp, len(idx), gen)
            return out
        raise ValueError("unsupported data spec node %r" % name)


# ------------------------------------------------------------------------------------------------ networks

class LabOrderBias(torch.autograd.Function):
    """y + b whose gradient for b sums the rows one after another, in order, as the Lab's engine does
    (--check --lab-sums only: slow). A bias whose exact gradient is 0 (a ReLU unit active on the whole batch under a WGAN
    loss) keeps the Lab's rounding residue, which Adam (eps 1e-8) turns into a step of up to lr."""

    @staticmethod
    def forward(ctx, y, b):
        return y + b

    @staticmethod
    def backward(ctx, g):
        acc = g[0:1]
        for r in range(1, g.shape[0]):
            acc = acc + g[r:r + 1]
        return g, acc


LAB_ORDER_SUMS = False   # --check --lab-sums


class Mlp(torch.nn.Module):
    """The Lab's MLP: dense layers y = x W + b (W fanIn x fanOut) and activations, from a layer list."""

    def __init__(self, layers):
        super().__init__()
        self.spec = []
        self.params = torch.nn.ParameterList()
        for layer in layers:
            if layer["type"] == "dense":
                w = torch.tensor(layer["W"], dtype=DTYPE).view(layer["in"], layer["out"])
                b = torch.tensor(layer["b"], dtype=DTYPE).view(1, layer["out"])
                self.params.append(torch.nn.Parameter(w))
                self.params.append(torch.nn.Parameter(b))
                self.spec.append(("dense", len(self.params) - 2))
            else:
                self.spec.append((layer["kind"], layer["alpha"]))

    def forward(self, x):
        for kind, arg in self.spec:
            if kind == "dense":
                if LAB_ORDER_SUMS:
                    x = LabOrderBias.apply(x @ self.params[arg], self.params[arg + 1])
                else:
                    x = torch.addmm(self.params[arg + 1], x, self.params[arg])
            elif kind == "relu":
                x = torch.relu(x)
            elif kind == "leaky_relu":
                x = F.leaky_relu(x, arg)
            elif kind == "tanh":
                x = torch.tanh(x)
            elif kind == "sigmoid":
                x = torch.sigmoid(x)
            elif kind == "softplus":
                x = F.softplus(x)
            elif kind == "elu":
                x = F.elu(x, arg)
            elif kind != "identity":
                raise ValueError("unsupported activation %r" % kind)
        return x


def load_weights(path):
    with open(path) as f:
        w = json.load(f)
    return w


def optimizer(params, spec):
    kind = spec["kind"]
    if kind == "adam":  # PyTorch's Adam is the Lab's arrangement: lr/bc1 * m / (sqrt(v)/sqrt(bc2) + eps)
        return torch.optim.Adam(params, lr=spec["lr"], betas=(spec["beta1"], spec["beta2"]), eps=spec["eps"])
    if kind == "rmsprop":
        return torch.optim.RMSprop(params, lr=spec["lr"], alpha=spec["alpha"], eps=spec["eps"])
    if kind == "momentum":
        return torch.optim.SGD(params, lr=spec["lr"], momentum=spec["momentum"])
    if kind == "sgd":
        return torch.optim.SGD(params, lr=spec["lr"])
    raise ValueError("unsupported optimiser %r" % kind)


# ------------------------------------------------------------------------------------------------ objective

OBJECTIVE = CONFIG["objective"]


def critic_loss(D, real, fake, eps):
    """The Lab's critic loss (gan/Losses): D scores real and fake as one batch; eps is n x 1 (WGAN-GP only)."""
    n = real.shape[0]
    s = D(torch.cat([real, fake], 0))
    sr, sf = s[:n], s[n:]
    if OBJECTIVE in ("minimax", "non_saturating"):
        return F.softplus(-sr).mean() + F.softplus(sf).mean()
    if OBJECTIVE == "lsgan":
        return 0.5 * (((sr - 1) ** 2).mean() + (sf ** 2).mean())
    loss = sf.mean() - sr.mean()
    if OBJECTIVE == "wgan_gp":
        # x^ = eps real + (1 - eps) fake as a fresh leaf; lambda * mean((||grad_x D(x^)|| - 1)^2), no epsilon
        x_hat = (real * eps + fake * (1 - eps)).detach().requires_grad_(True)
        grad, = torch.autograd.grad(D(x_hat).sum(), x_hat, create_graph=True)
        loss = loss + CONFIG["lambda"] * ((grad.norm(2, dim=1) - 1) ** 2).mean()
    return loss


def generator_loss(sf):
    if OBJECTIVE == "minimax":
        return -F.softplus(sf).mean()
    if OBJECTIVE == "non_saturating":
        return F.softplus(-sf).mean()
    if OBJECTIVE == "lsgan":
        return 0.5 * ((sf - 1) ** 2).mean()
    return -sf.mean()


def estimate(sr, sf):
    """The Lab's divergence estimate from the critic's scores (Losses.estimate), in float64."""
    sr, sf = sr.double(), sf.double()
    if OBJECTIVE in ("minimax", "non_saturating"):
        v = -(F.softplus(-sr).mean() + F.softplus(sf).mean())
        return float(v / 2 + math.log(2))
    if OBJECTIVE == "lsgan":
        return float(2 - 8 * 0.5 * (((sr - 1) ** 2).mean() + (sf ** 2).mean()))
    return float(sr.mean() - sf.mean())


ESTIMATE_NAME = CONFIG["estimate_name"]


class Step:
    """One critic or generator update with the experiment's optimisers and WGAN-clip's clipping."""

    def __init__(self, G, D, reduce_grads=None):
        self.G, self.D = G, D
        self.opt_g = optimizer(G.parameters(), CONFIG["generator_optimizer"])
        self.opt_d = optimizer(D.parameters(), CONFIG["critic_optimizer"])
        self.reduce = reduce_grads or (lambda params: None)

    def critic(self, real, z, eps):
        fake = self.G(z).detach()
        loss = critic_loss(self.D, real, fake, eps)
        self.opt_d.zero_grad(set_to_none=False)
        loss.backward()
        self.reduce(self.D.parameters())
        self.opt_d.step()
        if OBJECTIVE == "wgan_clip":
            with torch.no_grad():
                for p in self.D.parameters():
                    p.clamp_(-CONFIG["clip"], CONFIG["clip"])
        return loss.item()

    def generator(self, z):
        loss = generator_loss(self.D(self.G(z)))
        self.opt_g.zero_grad(set_to_none=False)
        loss.backward()
        self.reduce(self.G.parameters())
        self.opt_g.step()
        return loss.item()


def latent(n, gen, device):
    if CONFIG["latent_prior"] == "normal":
        z = torch.randn(n, CONFIG["latent_dim"], generator=gen)
    else:
        z = torch.rand(n, CONFIG["latent_dim"], generator=gen) * 2 - 1
    return z.to(device)


def build(weights_path, device):
    w = load_weights(weights_path)
    return Mlp(w["G"]).to(device), Mlp(w["D"]).to(device)


# ------------------------------------------------------------------------------------------------ train

def train(args):
    ddp = args.ddp
    rank, world = 0, 1
    if ddp:
        import torch.distributed as dist
        rank, world = int(os.environ["RANK"]), int(os.environ["WORLD_SIZE"])
        local = int(os.environ.get("LOCAL_RANK", 0))
        if args.device.startswith("cuda"):
            torch.cuda.set_device(local)
            device = torch.device("cuda", local)
            dist.init_process_group("nccl")
        else:
            device = torch.device(args.device)
            dist.init_process_group("gloo")
    else:
        device = torch.device(args.device)
    G, D = build(args.weights, device)

    def average(params):
        if world > 1:
            import torch.distributed as dist
            for p in params:
                if p.grad is not None:
                    dist.all_reduce(p.grad)
                    p.grad /= world

    step = Step(G, D, average)
    data = DataSpec(CONFIG["data"])
    if data.dim() != CONFIG["data_dim"]:
        raise SystemExit("data spec dimension %d differs from the experiment's %d" % (data.dim(), CONFIG["data_dim"]))
    seed = args.seed if args.seed is not None else CONFIG["seed"]
    gen = torch.Generator().manual_seed(seed * 1000003 + rank)   # one stream per process
    eval_gen = torch.Generator().manual_seed(seed)                  # the same evaluation batch everywhere
    batch = CONFIG["batch_size"] // world
    if batch < 1:
        raise SystemExit("batch size %d is smaller than the %d processes" % (CONFIG["batch_size"], world))
    m = CONFIG["evaluation_batch"]
    eval_real = data.sample(m, eval_gen).float().to(device)
    eval_z = latent(m, eval_gen, device)
    every = args.every or CONFIG["evaluation_every"]
    out = args.out
    if rank == 0:
        os.makedirs(out, exist_ok=True)
        metrics = open(os.path.join(out, "metrics.csv"), "w")
        metrics.write(CONFIG["metrics_header"] + "\n")
    d_loss = g_loss = float("nan")
    start = time.time()
    for it in range(1, args.iterations + 1):
        for _ in range(CONFIG["critic_steps"]):
            real = data.sample(batch, gen).float().to(device)
            z = latent(batch, gen, device)
            eps = torch.rand(batch, 1, generator=gen).to(device)
            d_loss = step.critic(real, z, eps)
        for _ in range(CONFIG["generator_steps"]):
            g_loss = step.generator(latent(batch, gen, device))
        if not (math.isfinite(d_loss) and math.isfinite(g_loss)):
            raise SystemExit("training diverged at iteration %d (d_loss %r, g_loss %r)" % (it, d_loss, g_loss))
        if rank == 0 and (it % every == 0 or it == args.iterations):
            with torch.no_grad():
                s = D(torch.cat([eval_real, G(eval_z)], 0))
                est = estimate(s[:m], s[m:])
            # the Lab's columns; the exact truths (W1, JS, modes, Lipschitz) are the Lab's, left empty here
            metrics.write("%d,%r,%r,%s,%r,,,,,,,\n" % (it, d_loss, g_loss, ESTIMATE_NAME, est))
            metrics.flush()
    if rank == 0:
        metrics.close()
        with torch.no_grad():
            fake = G(eval_z).double().cpu()
        with open(os.path.join(out, "samples.csv"), "w") as f:
            f.write("x\n" if fake.shape[1] == 1 else "x,y\n")
            for row in fake.tolist():
                f.write(",".join(repr(v) for v in row) + "\n")
        print("trained %s for %d iterations on %s x %d in %.1f s: d_loss %r, g_loss %r; wrote %s"
              % (CONFIG["name"], args.iterations, device, world, time.time() - start, d_loss, g_loss,
                 os.path.join(out, "metrics.csv")))
    if ddp:
        import torch.distributed as dist
        dist.destroy_process_group()
    return 0


# ------------------------------------------------------------------------------------------------ check

STATES_WIDE = False   # the dump's states are float64 (a --dump-precision float64 dump)


def _decode(text, like, device):
    """A tensor shaped like `like` from the dump's base64 little-endian float32 (float64) values."""
    import base64
    raw = bytearray(base64.b64decode(text))
    t = torch.frombuffer(raw, dtype=torch.float64 if STATES_WIDE else torch.float32) if raw else torch.zeros(0)
    return t.clone().to(DTYPE).view(like.shape).to(device)


def _names(layers):
    out = []
    for layer in layers:
        if layer["type"] == "dense":
            out += [layer["name"] + ".W", layer["name"] + ".b"]
    return out


def _load_state(net, opt, spec, state, device):
    """Puts the Lab's parameters and optimiser state (one network of a dump's `states` entry) into net and opt."""
    params = list(net.parameters())
    with torch.no_grad():
        for p, text in zip(params, state["params"]):
            p.copy_(_decode(text, p, device))
    opt.state.clear()
    steps, extra = state["steps"], state["optimizer_state"]
    if steps == 0:
        return   # fresh: PyTorch initialises the state at the first step as the Lab does (zeros)
    kind, n = spec["kind"], len(params)
    for i, p in enumerate(params):
        if kind == "adam":   # the Lab's Adam state lists every parameter's m, then every parameter's v
            opt.state[p] = {"step": torch.tensor(float(steps)), "exp_avg": _decode(extra[i], p, device),
                            "exp_avg_sq": _decode(extra[n + i], p, device)}
        elif kind == "rmsprop":
            opt.state[p] = {"step": torch.tensor(float(steps)), "square_avg": _decode(extra[i], p, device)}
        elif kind == "momentum":
            opt.state[p] = {"momentum_buffer": _decode(extra[i], p, device)}


def _param_errors(net, names, state, device):
    """Per parameter tensor: (name, max |torch - lab|, that over max |lab|) against a dump's state."""
    out = []
    with torch.no_grad():
        for name, p, text in zip(names, net.parameters(), state["params"]):
            lab = _decode(text, p, device)
            diff = float((p - lab).abs().max())
            scale = float(lab.abs().max())
            out.append((name, diff, diff / scale if scale > 0 else diff))
    return out


def _update_diagnosis(net, names, state, lr, device):
    """--verbose, stepwise: the parameter entries whose update from our state differs from ours by more than 1%
    of lr, with PyTorch's largest |gradient| among them (0: exactly zero in PyTorch, our engine's rounding
    residue there is what Adam turned into a step)."""
    out = []
    with torch.no_grad():
        for name, p, text in zip(names, net.parameters(), state["params"]):
            d = (p - _decode(text, p, device)).abs()
            bad = d > 0.01 * lr
            if bad.any():
                out.append("%s: %d of %d entries (max %.2e), PyTorch's |grad| there <= %.1e (tensor's max %.1e)"
                           % (name, int(bad.sum()), d.numel(), float(d.max()), float(p.grad[bad].abs().max()),
                              float(p.grad.abs().max())))
    print("  %-9s   updates differing by > 1%% of lr: %s" % ("", "; ".join(out) or "none"))


def _rel(ours, lab):
    rel = abs(ours - lab) / abs(lab) if lab != 0 else abs(ours)
    return rel if rel == rel else float("inf")   # a NaN loss fails


def _replay(dump, weights, device, reload, verbose, tolerance):
    """Redoes every recorded step with the recorded inputs. reload: "none" (the free run: from the initial
    weights only), "iteration" (our state re-loaded before each iteration's first step) or "step" (before every
    step). Returns a dict: worst relative error of a step's loss with its 1-based iteration and kind, the first
    iteration over tolerance (None), and the worst parameter error after a step that followed a re-load of our
    state (name, max |torch - lab|, that over the tensor's max |lab|, iteration); no parameter error without
    a re-load (the free run's is printed per iteration with --verbose)."""
    G, D = Mlp(weights["G"]).to(device), Mlp(weights["D"]).to(device)
    step = Step(G, D)
    nets = {"G": (G, lambda: step.opt_g, CONFIG["generator_optimizer"]),
            "D": (D, lambda: step.opt_d, CONFIG["critic_optimizer"])}
    n, dim, zd = CONFIG["batch_size"], CONFIG["data_dim"], CONFIG["latent_dim"]
    t = lambda v, cols: torch.tensor(v, dtype=DTYPE).view(-1, cols).to(device)
    states = dump.get("states")
    names = {"G": _names(weights["G"]), "D": _names(weights["D"])}
    lab = dict(states[0]) if states else None   # our state before the current step, network by network
    r = {"worst": 0.0, "iteration": None, "kind": None, "first_over": None, "param": ("", 0.0, 0.0, None)}
    prev_it = None
    for j, s in enumerate(dump["steps"]):
        it = s["iteration"] + 1
        if reload == "step" or (reload == "iteration" and it != prev_it):
            for key, (net, opt, spec) in nets.items():
                _load_state(net, opt(), spec, lab[key], device)
        if s["kind"] == "critic":
            ours = step.critic(t(s["real"], dim), t(s["z"], zd), t(s["eps"], 1) if s["eps"] else None)
        else:
            ours = step.generator(t(s["z"], zd))
        rel = _rel(ours, s["loss"])
        if verbose:
            print("  %-9s iteration %3d %-9s lab %.9g  torch %.9g  rel %.2e"
                  % (reload, it, s["kind"], s["loss"], ours, rel))
        if r["iteration"] is None or rel > r["worst"]:
            r.update(worst=rel, iteration=it, kind=s["kind"])
        if rel > tolerance and r["first_over"] is None:
            r["first_over"] = it
        if states:
            lab.update(states[j + 1])   # the network step j updated, as it was after our update
            key = "D" if s["kind"] == "critic" else "G"
            if verbose and reload == "step":
                _update_diagnosis(nets[key][0], names[key], lab[key], nets[key][2]["lr"], device)
            if reload != "none":
                name, diff, scaled = max(_param_errors(nets[key][0], names[key], lab[key], device), key=lambda e: e[1])
                if r["param"][3] is None or diff > r["param"][1]:
                    r["param"] = (name, diff, scaled, it)
            last = j + 1 == len(dump["steps"]) or dump["steps"][j + 1]["iteration"] != s["iteration"]
            if verbose and last:
                errs = _param_errors(G, names["G"], lab["G"], device) + _param_errors(D, names["D"], lab["D"], device)
                name, diff, scaled = max(errs, key=lambda e: e[1])
                print("  %-9s after iteration %3d: parameters' worst |torch - lab| %.2e (%s, %.2e of its max |lab|)"
                      % (reload, it, diff, name, scaled))
        prev_it = it
    return r


def check(args):
    """Replays a `train --dump-batches K` run and compares with the Lab's numbers (see the module's doc)."""
    path = args.check
    if os.path.isdir(path):
        path = os.path.join(path, "batches.json")
    with open(path) as f:
        dump = json.load(f)
    if dump.get("format") != "divergence-lab/batches":
        print("error: %s is not a divergence-lab batch dump" % path, file=sys.stderr)
        return 2
    if dump["experiment"] != CONFIG["experiment"]:
        print("error: %s was recorded for another experiment (%s) than this script's (%s)"
              % (path, dump["experiment"].get("name"), CONFIG["name"]), file=sys.stderr)
        return 2
    global DTYPE, LAB_ORDER_SUMS, STATES_WIDE
    LAB_ORDER_SUMS = args.lab_sums
    precision = dump.get("precision", "float32")
    STATES_WIDE = precision == "float64"
    if args.replay_dtype is not None and precision != "float64":
        print("error: --replay-dtype applies to a float64 dump (train --dump-precision float64); %s is %s"
              % (path, precision), file=sys.stderr)
        return 2
    weights = load_weights(args.weights)
    if precision == "float64":
        # recorded on the Lab's float64 reference backend: replay in float64 (or, --replay-dtype float32, in
        # float32: how far float32 training itself strays from float64) from its (float64) initial weights
        DTYPE = torch.float32 if args.replay_dtype == "float32" else torch.float64
        weights = dump["initial_weights"]
    elif weights["G"] != dump["initial_weights"]["G"] or weights["D"] != dump["initial_weights"]["D"]:
        print("error: %s differs from the run's initial weights" % args.weights, file=sys.stderr)
        return 2
    device = torch.device(args.device)
    tol = args.tolerance
    k = dump["iterations"]
    print("check %s: %d steps of %d iterations recorded by the Lab in %s, replayed in %s on %s (torch %s); "
          "errors are |torch - lab| / |lab| of each step's loss before its update, iterations counted from 1"
          % (CONFIG["name"], len(dump["steps"]), k, precision, str(DTYPE).replace("torch.", ""), device,
             torch.__version__))

    def line(label, r):
        over = ("within %.0e throughout" % tol if r["first_over"] is None
                else "first over %.0e at iteration %d" % (tol, r["first_over"]))
        text = "  %s: worst %.3e (%s step, iteration %s of %d); %s" % (label, r["worst"], r["kind"], r["iteration"], k, over)
        if r["param"][3] is not None:
            text += ("; parameters after a step from our state: worst |torch - lab| %.3e (%s, iteration %d; %.3e of "
                     "its max |lab|)" % (r["param"][1], r["param"][0], r["param"][3], r["param"][2]))
        print(text)

    free = _replay(dump, weights, device, "none", args.verbose, tol)
    line("free run from the initial weights only (information)", free)
    if not dump.get("states"):
        # a dump without the training states (format version 1): only the free run can decide
        ok = free["worst"] <= tol
        print("  mode: free run (the dump has no training states); every step's loss within %.0e: %s"
              % (tol, "PASS" if ok else "FAIL"))
        return 0 if ok else 1
    line("our state re-loaded before each iteration (information)",
         _replay(dump, weights, device, "iteration", args.verbose, tol))
    stepwise = _replay(dump, weights, device, "step", args.verbose, tol)
    line("our state re-loaded before every step (decides)", stepwise)
    ok = stepwise["worst"] <= tol
    print("  mode: stepwise (before every step our parameters, optimiser state and step counts are re-loaded, then the "
          "step is redone with the recorded inputs); every step's loss within %.0e: %s" % (tol, "PASS" if ok else "FAIL"))
    return 0 if ok else 1


def main():
    p = argparse.ArgumentParser(description="Divergence Lab experiment %s in PyTorch" % CONFIG["name"])
    p.add_argument("--iterations", type=int, default=1000)
    p.add_argument("--device", default="cpu", help="cpu, cuda, cuda:N (with --ddp: cuda means one GPU per process)")
    p.add_argument("--ddp", action="store_true", help="data parallel under torchrun (gradients averaged)")
    p.add_argument("--out", default="run", help="folder for metrics.csv and samples.csv")
    p.add_argument("--every", type=int, default=0, help="metrics every K iterations (default: the experiment's)")
    p.add_argument("--seed", type=int, default=None, help="seed of the data, z and epsilon draws")
    p.add_argument("--weights", default=os.path.join(HERE, "init_weights.json"))
    p.add_argument("--check", metavar="RUN", help="replay RUN/batches.json and compare the losses: stepwise (our "
                   "state re-loaded before each iteration) decides, the free run from the initial weights is printed")
    p.add_argument("--tolerance", type=float, default=1e-4, help="--check's relative tolerance")
    p.add_argument("--verbose", action="store_true", help="--check: print every step, the parameters after every "
                   "iteration and, stepwise, the updates that differ from ours")
    p.add_argument("--replay-dtype", choices=("float32", "float64"), default=None,
                   help="--check of a float64 dump: replay in float32 (information: float32 against float64)")
    p.add_argument("--lab-sums", action="store_true",
                   help="--check: sum bias gradients row by row as the Lab does (slow; a diagnosis of drift)")
    args = p.parse_args()
    torch.set_default_dtype(torch.float32)
    return check(args) if args.check else train(args)


if __name__ == "__main__":
    sys.exit(main())
