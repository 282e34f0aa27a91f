"""Ambient greeting LM: tokenizer, model, export, int8 surgery (see gateway/model/README.md)."""
