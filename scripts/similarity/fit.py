"""Fitting the piece vectors so that the normalised sum of a text's piece vectors points where
the teacher's embedding of the text (projected to the student's dimensions) points.

Loss per text: 1 - cos(sum of its rows, target). Adam on the rows a batch uses, hand-written
gradients, float32, a fixed seed. Pieces of other languages stay comparable because the texts
include random bags of pieces of every language (distil.py), not only English."""

import numpy as np


def _sums(values, owner, n):
    """Row sums of values by owner (non-decreasing ids in 0..n), zero for absent owners."""
    out = np.zeros((n, values.shape[1]), dtype=np.float32)
    if len(owner):
        present, first = np.unique(owner, return_index=True)
        out[present] = np.add.reduceat(values, first, axis=0)
    return out


def fit(rows0, bags, targets, epochs=4, batch=1024, lr=0.003, seed=7, log=None):
    rows = rows0.astype(np.float32).copy()
    m = np.zeros_like(rows)
    v = np.zeros_like(rows)
    targets = (targets / np.linalg.norm(targets, axis=1, keepdims=True)).astype(np.float32)
    rng = np.random.default_rng(seed)
    step = 0
    beta1, beta2, eps = 0.9, 0.999, 1e-8
    for epoch in range(epochs):
        order = rng.permutation(bags.n)
        total = 0.0
        for start in range(0, bags.n, batch):
            idx = np.sort(order[start:start + batch])
            tokens, owner, extra = bags.subset(idx)
            u = extra + _sums(rows[tokens], owner, len(idx))
            norm = np.maximum(np.linalg.norm(u, axis=1, keepdims=True), 1e-6)
            s = u / norm
            t = targets[idx]
            cos = np.sum(s * t, axis=1, keepdims=True)
            total += float(np.sum(1 - cos))
            du = -(t - cos * s) / norm / len(idx)
            # gradient of each row: the sum of du over its occurrences
            by_piece = np.argsort(tokens, kind="stable")
            used, first = np.unique(tokens[by_piece], return_index=True)
            grad = np.add.reduceat(du[owner[by_piece]], first, axis=0)
            step += 1
            m[used] = beta1 * m[used] + (1 - beta1) * grad
            v[used] = beta2 * v[used] + (1 - beta2) * grad ** 2
            m_hat = m[used] / (1 - beta1 ** step)
            v_hat = v[used] / (1 - beta2 ** step)
            rows[used] -= lr * m_hat / (np.sqrt(v_hat) + eps)
        if log:
            log(f"    epoch {epoch + 1}: mean 1 - cos {total / bags.n:.4f}")
    return rows
