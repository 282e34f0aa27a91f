#!/usr/bin/python3
"""Runs several of this folder's scripts in one Python process (torch/onnx are imported once: on a loaded 2-core
machine each import costs seconds). Steps are separated by a lone `::`:

  /usr/bin/python3 gateway/model/pipeline.py train_tokenizer.py --corpus C --out T :: tokenize_corpus.py ... :: ...
"""
import os
import runpy
import sys

here = os.path.dirname(os.path.abspath(__file__))


def main():
    steps, cur = [], []
    for a in sys.argv[1:]:
        if a == "::":
            if cur:
                steps.append(cur)
            cur = []
        else:
            cur.append(a)
    if cur:
        steps.append(cur)
    sys.path.insert(0, here)
    for step in steps:
        script = os.path.join(here, step[0])
        sys.argv = [script] + step[1:]
        sys.stdout.flush()
        runpy.run_path(script, run_name="__main__")


if __name__ == "__main__":
    main()
