#!/usr/bin/env python3
"""PyTorch peer of Divergence Lab's image-mlp-28 / image-mlp-28-gan / image-dcgan-28 workloads (ImageGanWorkload).

Same architecture and step (--model dcgan: see ImageGan.Model.DCGAN): MLP G 64->256->512->784 (ReLU, tanh), D 784->512->256->1 (LeakyReLU 0.2),
batch 64, Adam(1e-4, betas (0.5, 0.9)); one iteration = one critic step (WGAN-GP, lambda 10, gradient of
D at eps*real + (1-eps)*fake through create_graph=True; or the non-saturating GAN with BCE on logits;
D(real) and D(fake) as one batch of 128 like ours) + one generator step. Data: a fixed pool of 2048 random
28x28 images in [-1, 1] (throughput does not depend on the pixels; ours uses procedural shapes).
Prints 'NAME: X samples/s (median of R ...)' with samples/s = 64 x iterations/s.
"""
import argparse
import statistics
import time

import torch
import torch.nn as nn
import torch.nn.functional as F


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--objective", choices=["wgan-gp", "gan"], default="wgan-gp")
    ap.add_argument("--model", choices=["mlp", "dcgan"], default="mlp")
    ap.add_argument("--iters", type=int, default=20)
    ap.add_argument("--repeats", type=int, default=3)
    ap.add_argument("--threads", type=int, default=1)
    ap.add_argument("--device", default="cpu")
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--clock", choices=["wall", "cpu"], default="wall",
                    help="cpu: time by this process's CPU time (time.process_time), for a machine shared with other jobs")
    a = ap.parse_args()
    torch.set_num_threads(a.threads)
    torch.manual_seed(a.seed)
    dev = torch.device(a.device)
    batch, zdim, dim = 64, 64, 28 * 28
    if a.model == "mlp":
        G = nn.Sequential(nn.Linear(zdim, 256), nn.ReLU(), nn.Linear(256, 512), nn.ReLU(), nn.Linear(512, dim),
                          nn.Tanh()).to(dev)
        D = nn.Sequential(nn.Linear(dim, 512), nn.LeakyReLU(0.2), nn.Linear(512, 256), nn.LeakyReLU(0.2),
                          nn.Linear(256, 1)).to(dev)
    else:
        # ImageGan.Model.DCGAN: batch norm in G, layer norm in the GP critic (ours is HWC, this NCHW: same work)
        G = nn.Sequential(nn.Linear(zdim, 7 * 7 * 64), nn.Unflatten(1, (64, 7, 7)), nn.BatchNorm2d(64), nn.ReLU(),
                          nn.ConvTranspose2d(64, 32, 4, 2, 1), nn.BatchNorm2d(32), nn.ReLU(),
                          nn.ConvTranspose2d(32, 1, 4, 2, 1), nn.Tanh(), nn.Flatten()).to(dev)
        D = nn.Sequential(nn.Unflatten(1, (1, 28, 28)), nn.Conv2d(1, 32, 4, 2, 1), nn.LeakyReLU(0.2),
                          nn.Conv2d(32, 64, 4, 2, 1), nn.LayerNorm([64, 7, 7]), nn.LeakyReLU(0.2), nn.Flatten(),
                          nn.Linear(7 * 7 * 64, 1)).to(dev)
    optG = torch.optim.Adam(G.parameters(), lr=1e-4, betas=(0.5, 0.9))
    optD = torch.optim.Adam(D.parameters(), lr=1e-4, betas=(0.5, 0.9))
    pool = torch.rand(2048, dim, device=dev) * 2 - 1

    def iteration():
        real = pool[torch.randint(0, 2048, (batch,), device=dev)]
        fake = G(torch.randn(batch, zdim, device=dev)).detach()
        scores = D(torch.cat([real, fake]))
        if a.objective == "wgan-gp":
            eps = torch.rand(batch, 1, device=dev)
            xhat = (eps * real + (1 - eps) * fake).requires_grad_(True)
            g, = torch.autograd.grad(D(xhat).sum(), xhat, create_graph=True)
            gp = 10 * ((g.norm(dim=1) - 1) ** 2).mean()
            loss = scores[batch:].mean() - scores[:batch].mean() + gp
        else:
            loss = F.softplus(-scores[:batch]).mean() + F.softplus(scores[batch:]).mean()
        optD.zero_grad(set_to_none=False)
        loss.backward()
        optD.step()
        s = D(G(torch.randn(batch, zdim, device=dev)))
        gl = -s.mean() if a.objective == "wgan-gp" else F.softplus(-s).mean()
        optG.zero_grad(set_to_none=False)
        gl.backward()
        optG.step()
        return loss

    clock = time.perf_counter if a.clock == "wall" else time.process_time
    for _ in range(3):
        iteration()
    rates = []
    for _ in range(a.repeats):
        if dev.type == "cuda":
            torch.cuda.synchronize()
        t0 = clock()
        for _ in range(a.iters):
            loss = iteration()
        loss.item()  # waits for the device
        rates.append(batch * a.iters / (clock() - t0))
    name = ("image-%s-28" % a.model) + ("" if a.objective == "wgan-gp" else "-gan")
    unit = "samples/s" if a.clock == "wall" else "samples per CPU-second"
    print(("%s: %.1f " + unit + " (median of %d, min %.1f, max %.1f) [torch %s, %s, %d threads]")
          % (name, statistics.median(rates), a.repeats, min(rates), max(rates), torch.__version__, dev,
             torch.get_num_threads()))


if __name__ == "__main__":
    main()
