"""Fast force-directed positions for large graphs (numpy only).

networkx's ``spring_layout`` needs scipy beyond 500 nodes and takes about a
minute at 5,000; this is the same Fruchterman-Reingold model, vectorised in
numpy, started from neighbour-averaged positions so fewer rounds are needed.
It gives the browser a finished layout, so a large page draws without running
physics at all.

    >>> pos = spring_positions(["a", "b", "c"], [("a", "b"), ("b", "c")], seed=1)
    >>> sorted(pos) == ["a", "b", "c"] and all(isinstance(v, float) for xy in pos.values() for v in xy)
    True
"""

from __future__ import annotations

from collections.abc import Hashable, Iterable, Sequence


def spring_positions(
    nodes: Sequence[Hashable],
    edges: Iterable[tuple[Hashable, Hashable]],
    *,
    iterations: int = 40,
    seed: int = 0,
    edge_length: float = 120.0,
    node_space: float = 70.0,
    block: int = 512,
    sample: int = 1000,
) -> dict[Hashable, tuple[float, float]]:
    """Node -> (x, y) in screen units, about ``node_space`` apart (at least ``edge_length`` across).

    Deterministic for a given ``seed``. Each round costs O(n * min(n, sample)),
    computed in row blocks of ``block`` to bound memory.
    """
    import numpy as np

    n = len(nodes)
    if n == 0:
        return {}
    index = {v: i for i, v in enumerate(nodes)}
    pairs = {(min(a, b), max(a, b)) for a, b in ((index[s], index[o]) for s, o in edges) if a != b}
    src = np.fromiter((a for a, _ in sorted(pairs)), dtype=np.int64, count=len(pairs))
    dst = np.fromiter((b for _, b in sorted(pairs)), dtype=np.int64, count=len(pairs))
    rng = np.random.default_rng(seed)
    pos = rng.random((n, 2)) - 0.5
    deg = np.bincount(src, minlength=n) + np.bincount(dst, minlength=n)

    # Pull neighbours together before the force rounds: a few rounds of averaging.
    for _ in range(8):
        acc = pos.copy()
        for d in range(2):
            acc[:, d] += np.bincount(src, weights=pos[dst, d], minlength=n)
            acc[:, d] += np.bincount(dst, weights=pos[src, d], minlength=n)
        pos = acc / (1 + deg)[:, None]
        pos = (pos - pos.mean(0)) / (pos.std(0) + 1e-9) * 0.5
        pos += (rng.random((n, 2)) - 0.5) * 1e-3

    k = 1.0 / np.sqrt(n)
    temp = 0.1
    cool = temp / (iterations + 1)
    pos = pos.astype(np.float32)
    for _ in range(iterations):
        disp = np.zeros_like(pos)
        sq = (pos * pos).sum(-1)
        # Repulsion from every node, or, on big graphs, from a fresh random sample of
        # ``sample`` nodes each round, scaled up (an unbiased estimate; O(n * sample)).
        cols = np.arange(n) if n <= sample else np.sort(rng.choice(n, sample, replace=False))
        cpos, csq, scale = pos[cols], sq[cols], n / len(cols)
        for a in range(0, n, block):
            # sum_j (x_i - x_j) w_ij = x_i sum_j w_ij - W x, with w_ij = k^2 / |x_i - x_j|^2: two matrix products
            p = pos[a : a + block]
            d2 = sq[a : a + block, None] + csq[None, :] - 2.0 * (p @ cpos.T)
            w = (k * k) / np.maximum(d2, 1e-4 * k * k)
            w[cols[None, :] == np.arange(a, a + len(p))[:, None]] = 0.0
            disp[a : a + block] = scale * (p * w.sum(1)[:, None] - w @ cpos)
        if len(src):
            delta = pos[src] - pos[dst]
            dist = np.sqrt((delta * delta).sum(-1)) + 1e-9
            f = delta * (dist / k)[:, None]
            for d in range(2):
                disp[:, d] -= np.bincount(src, weights=f[:, d], minlength=n).astype(np.float32)
                disp[:, d] += np.bincount(dst, weights=f[:, d], minlength=n).astype(np.float32)
        disp -= pos * (0.05 / k)  # gentle gravity keeps small components near the rest
        length = np.sqrt((disp * disp).sum(-1)) + 1e-9
        pos += disp * (np.minimum(length, temp) / length)[:, None]
        temp -= cool

    # Screen scale: give each node about node_space^2 of area inside the 90th-percentile
    # radius, and pull far-flung stragglers in to 1.5 times that radius, so the
    # fitted view is not mostly empty space around a few outliers.
    pos = pos.astype(float)
    pos -= np.median(pos, axis=0)
    r = np.sqrt((pos * pos).sum(-1))
    r90 = float(np.percentile(r, 90)) or 1.0
    target = max(edge_length, np.sqrt(n * node_space * node_space / np.pi))
    pos *= target / r90
    r = r * (target / r90)
    far = r > 1.5 * target
    pos[far] *= (1.5 * target / r[far])[:, None]
    return {v: (round(float(pos[i, 0]), 1), round(float(pos[i, 1]), 1)) for v, i in index.items()}
