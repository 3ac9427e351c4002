"""Fitting the piece vectors so that the normalised sum of a text's piece vectors points where
the teacher's embedding of the text (projected to the student's dimensions) points.

Loss per text: 1 - cos(sum of its rows, target), plus `pull` times the squared distance of each
row used from where it started (so rare pieces move little and stay in the teacher's space,
which keeps pieces of other languages, never seen here, comparable). Adam, hand-written
gradients, a fixed seed."""

import numpy as np

from student import segment_sums


def fit(rows0, bags, targets, epochs=8, batch=1024, lr=0.01, pull=0.0, seed=7, log=None):
    rows = rows0.astype(np.float32).copy()
    m = np.zeros_like(rows)
    v = np.zeros_like(rows)
    targets = targets / np.linalg.norm(targets, axis=1, keepdims=True)
    rng = np.random.default_rng(seed)
    step = 0
    beta1, beta2, eps = 0.9, 0.999, 1e-8
    for epoch in range(epochs):
        order = rng.permutation(bags.n)
        total = 0.0
        for start in range(0, bags.n, batch):
            idx = np.sort(order[start:start + batch])
            tokens, owner, extra = bags.subset(idx)
            u = extra + segment_sums(rows[tokens], owner, len(idx))
            norm = np.maximum(np.linalg.norm(u, axis=1, keepdims=True), 1e-6)
            s = u / norm
            t = targets[idx]
            cos = np.sum(s * t, axis=1, keepdims=True)
            total += float(np.sum(1 - cos))
            du = -(t - cos * s) / norm / len(idx)
            # gradient of each row: the sum of du over its occurrences
            by_piece = np.argsort(tokens, kind="stable")
            used, first = np.unique(tokens[by_piece], return_index=True)
            grad = np.zeros_like(rows)
            grad[used] = np.add.reduceat(du[owner[by_piece]], first, axis=0)
            if pull:
                grad[used] += pull * (rows[used] - rows0[used]) / len(idx)
            step += 1
            # Adam on the rows used in this batch only (lazy, like sparse Adam)
            m[used] = beta1 * m[used] + (1 - beta1) * grad[used]
            v[used] = beta2 * v[used] + (1 - beta2) * grad[used] ** 2
            m_hat = m[used] / (1 - beta1 ** step)
            v_hat = v[used] / (1 - beta2 ** step)
            rows[used] -= lr * m_hat / (np.sqrt(v_hat) + eps)
        if log:
            log(f"    epoch {epoch + 1}: mean 1 - cos {total / bags.n:.4f}")
    return rows
