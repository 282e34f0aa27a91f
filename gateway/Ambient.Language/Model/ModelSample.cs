namespace Ambient.Language.Model;

/// <summary>
/// One model sample before any check: the delexicalised text as decoded, the filled text, why decoding stopped and
/// how many text tokens it took.
/// </summary>
internal sealed record ModelSample(string DelexText, string Text, DecodeStop Stop, int Tokens, int Backtracks = 0, double LeastLikely = 0, double MostMasked = 0, int Resumed = 0, double MeanLogProb = 0);
