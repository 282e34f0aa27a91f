"""Byte-level BPE exactly as gateway/Ambient.Language/README.md §3 specifies.

Ids: 0 <pad>, 1 <bos>, 2 <sep>, 3 <eos>, then the teacher's special tokens (special-tokens.txt order, the four above
skipped if listed), then the 256 bytes, then one id per merge in merge order.
tokenizer.json: {"version": 2, "special": [...all specials in id order...], "merges": [[left_id, right_id], ...]}.
Version 2: a prompt (control tokens separated by spaces) is encoded as the control tokens' ids only, without the
spaces between them, which halves the prompt (version 1 encoded the spaces as tokens; its models need retraining).

Pre-splitting (per text segment between special tokens): at each position, an optional single leading space (0x20)
followed by a maximal run of one class, where the classes are
  letters: ASCII letters and every non-ASCII character, plus an apostrophe (') that has a letter on both sides;
  digits: 0-9;
  other: any other non-whitespace character;
whitespace (space, \\t, \\n, \\r, \\v, \\f) that is not taken as a single leading space is a maximal whitespace run of
its own (regex-equivalent: ` ?L+('L+)*| ?D+| ?O+|W+` tried in that order at each position).
Each chunk's UTF-8 bytes are merged by lowest merge rank first.
"""
from __future__ import annotations

import json
from collections import Counter, defaultdict
from typing import Dict, Iterable, List, Sequence, Tuple

BASE_SPECIALS = ["<pad>", "<bos>", "<sep>", "<eos>"]
PAD, BOS, SEP, EOS = 0, 1, 2, 3
WHITESPACE = frozenset(" \t\n\r\v\f")
VERSION = 2


def _cls(ch: str) -> int:
    """0 whitespace, 1 letter, 2 digit, 3 other."""
    if ch in WHITESPACE:
        return 0
    o = ord(ch)
    if o >= 0x80 or ("a" <= ch <= "z") or ("A" <= ch <= "Z"):
        return 1
    if "0" <= ch <= "9":
        return 2
    return 3


def pre_split(s: str) -> List[str]:
    chunks = []
    n = len(s)
    i = 0
    while i < n:
        start = i
        if s[i] == " " and i + 1 < n and _cls(s[i + 1]) != 0:
            i += 1
        c = _cls(s[i])
        if c == 0:
            while i < n and _cls(s[i]) == 0:
                i += 1
        elif c == 1:
            i += 1
            while i < n:
                ci = _cls(s[i])
                if ci == 1:
                    i += 1
                elif s[i] == "'" and i + 1 < n and _cls(s[i + 1]) == 1:
                    i += 2
                else:
                    break
        else:
            while i < n and _cls(s[i]) == c:
                i += 1
        chunks.append(s[start:i])
    return chunks


def merge_pair(ids: List[int], pair: Tuple[int, int], new_id: int) -> List[int]:
    """ids with every non-overlapping occurrence of pair (left to right) replaced by new_id."""
    merged: List[int] = []
    j = 0
    while j < len(ids):
        if j < len(ids) - 1 and ids[j] == pair[0] and ids[j + 1] == pair[1]:
            merged.append(new_id)
            j += 2
        else:
            merged.append(ids[j])
            j += 1
    return merged


def read_special_tokens(path: str) -> List[str]:
    """Returns the full special list in id order: the four base tokens, then the file's tokens (deduplicated)."""
    out = list(BASE_SPECIALS)
    seen = set(out)
    with open(path, encoding="utf-8") as f:
        for line in f:
            t = line.strip()
            if t and t not in seen:
                out.append(t)
                seen.add(t)
    return out


class Tokenizer:
    def __init__(self, special: Sequence[str], merges: Sequence[Tuple[int, int]]):
        self.special = list(special)
        self.special_ids = {t: i for i, t in enumerate(self.special)}
        self.byte_offset = len(self.special)
        self.merges = [tuple(m) for m in merges]
        self.ranks: Dict[Tuple[int, int], int] = {m: r for r, m in enumerate(self.merges)}
        self.first_merge_id = self.byte_offset + 256
        # Longest first so that a special that is a prefix of another never wins.
        self._special_sorted = sorted(self.special, key=len, reverse=True)
        self._by_first = defaultdict(list)
        for t in self._special_sorted:
            self._by_first[t[0]].append(t)
        self._cache: Dict[str, List[int]] = {}
        # token id -> bytes, for decoding
        self.id_bytes: List[bytes] = [t.encode("utf-8") for t in self.special] + [bytes([b]) for b in range(256)]
        for l, r in self.merges:
            self.id_bytes.append(self.id_bytes[l] + self.id_bytes[r])

    @property
    def vocab_size(self) -> int:
        return self.first_merge_id + len(self.merges)

    # ---- serialization ----
    def to_json(self) -> dict:
        return {"version": VERSION, "special": self.special, "merges": [list(m) for m in self.merges]}

    def save(self, path: str) -> None:
        with open(path, "w", encoding="utf-8") as f:
            json.dump(self.to_json(), f, ensure_ascii=False, separators=(",", ":"))
            f.write("\n")

    @classmethod
    def load(cls, path: str) -> "Tokenizer":
        with open(path, encoding="utf-8") as f:
            d = json.load(f)
        if d.get("version") != VERSION:
            raise ValueError(f"{path}: tokenizer version {d.get('version')}, expected {VERSION} (retrain: train.sh)")
        return cls(d["special"], [tuple(m) for m in d["merges"]])

    # ---- encoding ----
    def split_specials(self, s: str) -> List[Tuple[bool, str]]:
        """[(is_special, piece)], pieces in order; specials are exact matches from the list (longest first)."""
        out: List[Tuple[bool, str]] = []
        buf_start = 0
        i = 0
        n = len(s)
        while i < n:
            cands = self._by_first.get(s[i])
            hit = None
            if cands:
                for t in cands:
                    if s.startswith(t, i):
                        hit = t
                        break
            if hit is None:
                i += 1
                continue
            if buf_start < i:
                out.append((False, s[buf_start:i]))
            out.append((True, hit))
            i += len(hit)
            buf_start = i
        if buf_start < n:
            out.append((False, s[buf_start:]))
        return out

    def _bpe_chunk(self, chunk: str) -> List[int]:
        ids = self._cache.get(chunk)
        if ids is not None:
            return ids
        ids = [self.byte_offset + b for b in chunk.encode("utf-8")]
        ranks = self.ranks
        while len(ids) > 1:
            best = None
            best_rank = None
            for j in range(len(ids) - 1):
                r = ranks.get((ids[j], ids[j + 1]))
                if r is not None and (best_rank is None or r < best_rank):
                    best_rank = r
                    best = (ids[j], ids[j + 1])
            if best is None:
                break
            ids = merge_pair(ids, best, self.first_merge_id + best_rank)
        self._cache[chunk] = ids
        return ids

    def encode(self, s: str) -> List[int]:
        out: List[int] = []
        for is_special, piece in self.split_specials(s):
            if is_special:
                out.append(self.special_ids[piece])
            else:
                for ch in pre_split(piece):
                    out.extend(self._bpe_chunk(ch))
        return out

    def encode_prompt(self, prompt: str) -> List[int]:
        """The ids of the prompt's space-separated control tokens; the spaces are not encoded (version 2)."""
        out: List[int] = []
        for token in prompt.split():
            sid = self.special_ids.get(token)
            if sid is None:
                raise ValueError(f"prompt token {token!r} is not a special token")
            out.append(sid)
        return out

    def encode_example(self, prompt: str, text: str) -> Tuple[List[int], int]:
        """<bos> prompt <sep> text <eos>; returns (ids, index of the first text token)."""
        p = self.encode_prompt(prompt)
        t = self.encode(text)
        ids = [BOS] + p + [SEP] + t + [EOS]
        return ids, len(p) + 2

    def decode(self, ids: Iterable[int]) -> str:
        return b"".join(self.id_bytes[i] for i in ids).decode("utf-8", errors="replace")


def train_bpe(texts: Iterable[str], special: Sequence[str], num_merges: int, min_frequency: int = 2,
              log=print) -> Tokenizer:
    """Standard BPE on pre-split chunk counts. Ties: highest count, then smallest (left, right) ids."""
    tok = Tokenizer(special, [])
    words: Counter = Counter()
    for s in texts:
        for is_special, piece in tok.split_specials(s):
            if not is_special:
                words.update(pre_split(piece))
    vocab = [[tok.byte_offset + b for b in w.encode("utf-8")] for w in words]
    freqs = [words[w] for w in words]
    pair_counts: Counter = Counter()
    where: Dict[Tuple[int, int], set] = defaultdict(set)
    for wi, ids in enumerate(vocab):
        f = freqs[wi]
        for j in range(len(ids) - 1):
            p = (ids[j], ids[j + 1])
            pair_counts[p] += f
            where[p].add(wi)
    merges: List[Tuple[int, int]] = []
    next_id = tok.first_merge_id
    while len(merges) < num_merges and pair_counts:
        best = min(pair_counts.items(), key=lambda kv: (-kv[1], kv[0]))
        pair, count = best
        if count < min_frequency:
            break
        merges.append(pair)
        new_id = next_id
        next_id += 1
        for wi in list(where.get(pair, ())):
            ids = vocab[wi]
            f = freqs[wi]
            # remove old pair counts of this word
            for j in range(len(ids) - 1):
                p = (ids[j], ids[j + 1])
                pair_counts[p] -= f
                if pair_counts[p] <= 0:
                    del pair_counts[p]
                s = where.get(p)
                if s is not None:
                    s.discard(wi)
            merged = merge_pair(ids, pair, new_id)
            vocab[wi] = merged
            for j in range(len(merged) - 1):
                p = (merged[j], merged[j + 1])
                pair_counts[p] += f
                where[p].add(wi)
        where.pop(pair, None)
        pair_counts.pop(pair, None)
    log(f"bpe: {len(words)} distinct chunks, {len(merges)} merges (asked {num_merges}, min frequency {min_frequency})")
    return Tokenizer(special, merges)
