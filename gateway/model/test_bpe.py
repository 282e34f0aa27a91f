#!/usr/bin/python3
"""Unit tests of the tokenizer rules (contract §3): /usr/bin/python3 -m unittest gateway/model/test_bpe.py"""
import os
import sys
import unittest

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

from ambient_lm.bpe import BASE_SPECIALS, Tokenizer, pre_split, train_bpe  # noqa: E402


class PreSplit(unittest.TestCase):
    def test_classes_and_spaces(self):
        self.assertEqual(pre_split("Hi  Ana, don't 12ab  it's'' — 7°C rain…\n\nok "),
                         ["Hi", "  ", "Ana", ",", " don't", " 12", "ab", "  ", "it's", "''", " —", " 7", "°C",
                          " rain…", "\n\n", "ok", " "])

    def test_apostrophe_needs_letters_on_both_sides(self):
        self.assertEqual(pre_split("plants' 'x"), ["plants", "'", " '", "x"])


class Encode(unittest.TestCase):
    def setUp(self):
        self.special = BASE_SPECIALS + ["<name>", "<name_x>", "<intent:morning>"]
        texts = ["Good morning, <name>. Good morning!", "<intent:morning> good"] * 5
        self.tok = train_bpe(texts, self.special, 50, log=lambda *_: None)

    def test_ids_layout(self):
        t = self.tok
        self.assertEqual(t.byte_offset, len(self.special))
        self.assertEqual(t.encode("A"), [t.byte_offset + ord("A")])
        self.assertEqual(t.encode("<name_x><name>"), [5, 4])  # longest special first

    def test_example_roundtrip(self):
        ids, start = self.tok.encode_example("<intent:morning>", "Good morning, <name>.")
        self.assertEqual(ids[0], 1)
        self.assertEqual(ids[start - 1], 2)
        self.assertEqual(ids[-1], 3)
        self.assertEqual(self.tok.decode(ids), "<bos><intent:morning><sep>Good morning, <name>.<eos>")

    def test_prompt_is_control_ids_without_spaces(self):
        ids, start = self.tok.encode_example("<intent:morning> <name>", "Hi")
        self.assertEqual(ids[:start], [1, 6, 4, 2])
        with self.assertRaises(ValueError):
            self.tok.encode_prompt("<intent:morning> morning")

    def test_save_load(self):
        import tempfile
        with tempfile.TemporaryDirectory() as d:
            p = os.path.join(d, "t.json")
            self.tok.save(p)
            t2 = Tokenizer.load(p)
        self.assertEqual(t2.encode("Good morning, <name>."), self.tok.encode("Good morning, <name>."))


if __name__ == "__main__":
    unittest.main()
