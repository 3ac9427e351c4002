"""The development data, read from the data dir: labelled pairs to measure with, and the plain
sentences of the training splits to fit the student on.

Only training splits feed the fit; dev splits are only measured. No test split is read.
"""

import glob
import os
import random
import re
import xml.etree.ElementTree as ET

# ECB+ topics of the usual training split (dev: 2, 5, 12, 18, 21, 23, 34, 35; test: 36-45).
ECB_TRAIN_TOPICS = [1, 3, 4, 6, 7, 8, 9, 10, 11, 13, 14, 16, 19, 20, 22] + list(range(24, 34))


def msrp_pairs(data, split):
    """MSRP pairs of one split ('train' or 'dev'): [(label 0/1, sentence 1, sentence 2)]."""
    path = os.path.join(data, "msrp", f"msr_paraphrase_{split}.txt")
    pairs = []
    with open(path, encoding="utf-8-sig") as f:
        next(f)  # header
        for line in f:
            cols = line.rstrip("\n").split("\t")
            if len(cols) >= 5:
                pairs.append((int(cols[0]), cols[3], cols[4]))
    return pairs


def stsb_pairs(data, split):
    """STS-B pairs of one split ('train' or 'dev'): [(genre, score 0-5, sentence 1, sentence 2)].

    Some lines carry two extra source columns after the sentences; they are ignored."""
    path = os.path.join(data, "stsb", f"sts-{split}.csv")
    pairs = []
    with open(path, encoding="utf-8") as f:
        for line in f:
            cols = line.rstrip("\n").split("\t")
            if len(cols) >= 7:
                pairs.append((cols[0], float(cols[4]), cols[5], cols[6]))
    return pairs


# A sentence ends at . ! or ? (maybe followed by closing quotes or brackets) before a space and
# a capital or an opening quote. Good enough for picking training sentences out of articles.
_SENTENCE_END = re.compile(r"(?<=[.!?])[\"'”’)\]]*\s+(?=[\"“‘(]?[A-Z0-9])")


def _split_sentences(paragraph):
    return [s.strip() for s in _SENTENCE_END.split(paragraph) if s.strip()]


def polnear_sentences(data):
    """Sentences of the PolNeAR training articles."""
    out = []
    for path in sorted(glob.glob(os.path.join(data, "polnear", "train", "text", "*.txt"))):
        with open(path, encoding="utf-8") as f:
            for paragraph in f.read().split("\n"):
                out.extend(_split_sentences(paragraph))
    return out


def _detokenize(tokens):
    """Tokens of a treebank-style corpus → plain text, close to how the article printed it."""
    text = " ".join(tokens)
    text = text.replace("``", "“").replace("''", "”").replace("-LRB-", "(").replace("-RRB-", ")")
    text = re.sub(r" ([,.;:!?%)\]]|'s|'re|'ve|'ll|'d|'m|n't)(?=\s|$)", r"\1", text)
    text = re.sub(r"([(\[$“]) ", r"\1", text)
    text = re.sub(r" ”", "”", text)
    return text


def conll_sentences(data):
    """Sentences of CoNLL-2003 train, detokenised; document markers dropped."""
    out, tokens = [], []
    with open(os.path.join(data, "conll2003", "train.txt"), encoding="utf-8") as f:
        for line in list(f) + [""]:
            parts = line.split()
            if parts:
                tokens.append(parts[0])
                continue
            if tokens and tokens[0] != "-DOCSTART-":
                out.append(_detokenize(tokens))
            tokens = []
    return out


def ecb_sentences(data):
    """Sentences of the ECB+ training topics, detokenised."""
    out = []
    for topic in ECB_TRAIN_TOPICS:
        for path in sorted(glob.glob(os.path.join(data, "ecbplus", str(topic), "*.xml"))):
            sentences = {}
            for token in ET.parse(path).getroot().iter("token"):
                key = int(token.get("sentence"))
                sentences.setdefault(key, []).append(token.text or "")
            out.extend(_detokenize(sentences[k]) for k in sorted(sentences))
    return out


def fit_sentences(data, seed=1):
    """The sentences the student is fitted on: PolNeAR, CoNLL-2003 and ECB+ training text, each
    once, plus a random word window of about half of them (claims are often short phrases).

    MSRP and STS-B train sentences are left out so that the train-side measures that choose
    the variant are on sentences the fit never saw."""
    seen, out = set(), []
    for s in polnear_sentences(data) + conll_sentences(data) + ecb_sentences(data):
        words = s.split()
        if len(words) < 3 or len(s) > 600 or s in seen:
            continue
        seen.add(s)
        out.append(s)
    rng = random.Random(seed)
    windows = []
    for s in out:
        words = s.split()
        if len(words) >= 6 and rng.random() < 0.5:
            n = rng.randint(2, min(8, len(words) - 1))
            start = rng.randint(0, len(words) - n)
            windows.append(" ".join(words[start:start + n]))
    return out + windows
