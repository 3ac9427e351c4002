"""The measures: MSRP F1 of "same" from a cosine threshold, STS-B Spearman correlation."""

import re

import numpy as np


def ranks(x):
    """Ranks from 1, ties sharing their average rank."""
    x = np.asarray(x, dtype=np.float64)
    order = np.argsort(x, kind="mergesort")
    sorted_x = x[order]
    r = np.empty(len(x))
    i = 0
    while i < len(x):
        j = i
        while j + 1 < len(x) and sorted_x[j + 1] == sorted_x[i]:
            j += 1
        r[order[i:j + 1]] = (i + j) / 2 + 1
        i = j + 1
    return r


def spearman(a, b):
    ra, rb = ranks(a), ranks(b)
    ra -= ra.mean()
    rb -= rb.mean()
    return float((ra @ rb) / np.sqrt((ra @ ra) * (rb @ rb)))


def f1_at(scores, labels, threshold):
    predicted = scores >= threshold
    tp = np.sum(predicted & (labels == 1))
    fp = np.sum(predicted & (labels == 0))
    fn = np.sum(~predicted & (labels == 1))
    return 2 * tp / max(2 * tp + fp + fn, 1)


def best_threshold(scores, labels):
    """The threshold with the best accuracy (the lowest such, among the observed scores). The
    figures of ../shared/notes/similarity.md come out this way; F1 is then reported at it."""
    candidates = np.unique(scores)
    order = np.argsort(scores, kind="mergesort")
    s, y = scores[order], labels[order]
    # accuracy at threshold t = negatives below t + positives at or above t
    negatives_below = np.concatenate([[0], np.cumsum(y == 0)])
    positives_from = np.concatenate([np.cumsum((y == 1)[::-1])[::-1], [0]])
    first = np.searchsorted(s, candidates, side="left")
    correct = negatives_below[first] + positives_from[first]
    return float(candidates[int(np.argmax(correct))])


def cv_f1(scores, labels, folds=5):
    """F1 of "same" with each fold's threshold chosen on the other folds (folds by position)."""
    fold = np.arange(len(scores)) % folds
    predicted = np.zeros(len(scores), dtype=bool)
    for k in range(folds):
        t = best_threshold(scores[fold != k], labels[fold != k])
        predicted[fold == k] = scores[fold == k] >= t
    tp = np.sum(predicted & (labels == 1))
    fp = np.sum(predicted & (labels == 0))
    fn = np.sum(~predicted & (labels == 1))
    return 2 * tp / max(2 * tp + fp + fn, 1)


_WORD = re.compile(r"\w+")


def jaccard(a, b):
    """Plain word overlap of two sentences (lower-cased word characters)."""
    x, y = set(_WORD.findall(a.lower())), set(_WORD.findall(b.lower()))
    return len(x & y) / max(len(x | y), 1)


class PairSets:
    """The labelled pairs, and one function that scores a similarity on all of them."""

    def __init__(self, msrp_train, msrp_dev, sts_train, sts_dev):
        self.msrp = {"train": msrp_train, "dev": msrp_dev}
        self.sts = {"train": sts_train, "dev": sts_dev}

    def sentences(self):
        out = []
        for pairs in self.msrp.values():
            for _, a, b in pairs:
                out += [a, b]
        for pairs in self.sts.values():
            for _, _, a, b in pairs:
                out += [a, b]
        return out

    def evaluate(self, similarity):
        """similarity(list of (a, b)) → array of scores. Returns the measures as a dict."""
        m = {}
        scores = {k: np.asarray(similarity([(a, b) for _, a, b in v])) for k, v in self.msrp.items()}
        labels = {k: np.array([l for l, _, _ in v]) for k, v in self.msrp.items()}
        t = best_threshold(scores["train"], labels["train"])
        m["msrp_train_cv_f1"] = cv_f1(scores["train"], labels["train"])
        m["msrp_dev_f1"] = f1_at(scores["dev"], labels["dev"], t)
        for split, pairs in self.sts.items():
            s = np.asarray(similarity([(a, b) for _, _, a, b in pairs]))
            gold = np.array([g for _, g, _, _ in pairs])
            news = np.array([genre == "main-news" for genre, _, _, _ in pairs])
            m[f"sts_{split}_news"] = spearman(s[news], gold[news])
            m[f"sts_{split}_all"] = spearman(s, gold)
        return m
