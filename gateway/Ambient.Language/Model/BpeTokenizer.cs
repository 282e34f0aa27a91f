using System.Text;
using System.Text.Json;

namespace Ambient.Language.Model;

/// <summary>
/// The byte-level BPE of <c>tokenizer.json</c> (README §3), id for id the same as <c>gateway/model</c>'s Python:
/// <c>0 &lt;pad&gt; 1 &lt;bos&gt; 2 &lt;sep&gt; 3 &lt;eos&gt;</c>, then the other specials in file order, then the 256
/// bytes, then one id per merge in merge order. Text is split into specials and chunks (<see cref="PreTokenizer"/>);
/// each chunk's UTF-8 bytes are merged lowest rank first. Immutable after load; safe to share between threads.
/// </summary>
internal sealed class BpeTokenizer
{
    public const int PadId = 0;
    public const int BosId = 1;
    public const int SepId = 2;
    public const int EosId = 3;

    /// <summary>tokenizer.json's version: 2 encodes a prompt as its control tokens' ids without the spaces.</summary>
    public const int Version = 2;

    private const int ChunkCacheLimit = 8192;

    private readonly Dictionary<string, int> _specialIds;
    private readonly Dictionary<long, int> _mergeRank;
    private readonly byte[][] _bytesOf;
    private readonly Lock _cacheLock = new();
    private readonly Dictionary<string, int[]> _chunkCache = new(StringComparer.Ordinal);

    private BpeTokenizer(IReadOnlyList<string> specials, IReadOnlyList<(int Left, int Right)> merges)
    {
        Specials = specials;
        _specialIds = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < specials.Count; i++)
        {
            if (!_specialIds.TryAdd(specials[i], i))
            {
                throw new FormatException($"tokenizer.json: special token '{specials[i]}' appears twice");
            }
        }

        ByteOffset = specials.Count;
        VocabSize = specials.Count + 256 + merges.Count;
        _bytesOf = new byte[VocabSize][];
        for (var i = 0; i < specials.Count; i++)
        {
            _bytesOf[i] = Encoding.UTF8.GetBytes(specials[i]);
        }

        for (var b = 0; b < 256; b++)
        {
            _bytesOf[ByteOffset + b] = [(byte)b];
        }

        _mergeRank = new Dictionary<long, int>(merges.Count);
        for (var r = 0; r < merges.Count; r++)
        {
            var (left, right) = merges[r];
            var id = ByteOffset + 256 + r;
            if (left < ByteOffset || right < ByteOffset || left >= id || right >= id)
            {
                throw new FormatException($"tokenizer.json: merge {r} [{left},{right}] refers to a special or a later id");
            }

            _mergeRank.TryAdd(Pair(left, right), r);
            _bytesOf[id] = [.. _bytesOf[left], .. _bytesOf[right]];
        }

        PreTokenizer = new PreTokenizer(specials);
    }

    /// <summary>All special tokens in id order (ids 0 … Specials.Count-1), the four structural ones first.</summary>
    public IReadOnlyList<string> Specials { get; }

    /// <summary>The id of byte 0; byte b is <c>ByteOffset + b</c>.</summary>
    public int ByteOffset { get; }

    public int VocabSize { get; }

    public PreTokenizer PreTokenizer { get; }

    public static BpeTokenizer Load(string path)
    {
        using var stream = File.OpenRead(path);
        using var doc = JsonDocument.Parse(stream);
        var root = doc.RootElement;
        if (!root.TryGetProperty("version", out var version) || version.GetInt32() != Version)
        {
            // A version-1 model was trained with the spaces between control tokens as tokens: it would still load,
            // but write worse texts for prompts it never saw in this shape.
            throw new FormatException(
                $"{path}: expected \"version\": {Version} (prompts as control-token ids); retrain with gateway/model/train.sh");
        }

        var specials = new List<string>();
        foreach (var s in root.GetProperty("special").EnumerateArray())
        {
            specials.Add(s.GetString() ?? throw new FormatException($"{path}: null special token"));
        }

        string[] structural = ["<pad>", "<bos>", "<sep>", "<eos>"];
        for (var i = 0; i < structural.Length; i++)
        {
            if (specials.Count <= i || specials[i] != structural[i])
            {
                throw new FormatException($"{path}: special[{i}] must be {structural[i]}");
            }
        }

        var merges = new List<(int, int)>();
        foreach (var m in root.GetProperty("merges").EnumerateArray())
        {
            if (m.GetArrayLength() != 2)
            {
                throw new FormatException($"{path}: a merge is not a [left, right] pair");
            }

            merges.Add((m[0].GetInt32(), m[1].GetInt32()));
        }

        return new BpeTokenizer(specials, merges);
    }

    /// <summary>The id of a special token (<c>&lt;name&gt;</c>, <c>&lt;intent:morning&gt;</c> …), if the vocabulary has it.</summary>
    public bool TryGetSpecialId(string token, out int id) => _specialIds.TryGetValue(token, out id);

    public bool IsSpecial(int id) => id >= 0 && id < ByteOffset;

    /// <summary>Per token id: <paramref name="special"/> for special tokens, else whether the token's own text passes <paramref name="test"/>.</summary>
    public bool[] ClassifyTokens(Func<string, bool> test, bool special)
    {
        ArgumentNullException.ThrowIfNull(test);
        var result = new bool[VocabSize];
        for (var id = 0; id < result.Length; id++)
        {
            result[id] = IsSpecial(id) ? special : test(Decode([id]));
        }

        return result;
    }

    /// <summary>
    /// A generation prompt: <c>&lt;bos&gt; prompt &lt;sep&gt; text</c> (no <c>&lt;eos&gt;</c>; pass an empty text to let
    /// the model write all of it). The prompt is the corpus's <c>"prompt"</c> field (control tokens separated by
    /// spaces) and becomes the control tokens' ids only, as bpe.py's <c>encode_prompt</c> does.
    /// </summary>
    public int[] Encode(string prompt, string text)
    {
        ArgumentNullException.ThrowIfNull(prompt);
        // Any whitespace separates control tokens, as Python's str.split() does.
        return Encode(prompt.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries), text);
    }

    /// <summary><see cref="Encode(string, string)"/> of the prompt's control tokens (<see cref="FactSheet.PromptTokens"/>).</summary>
    public int[] Encode(IEnumerable<string> promptTokens, string text)
    {
        ArgumentNullException.ThrowIfNull(promptTokens);
        var ids = new List<int> { BosId };
        foreach (var token in promptTokens)
        {
            ids.Add(_specialIds.TryGetValue(token, out var id)
                ? id
                : throw new ArgumentException($"Prompt token '{token}' is not a special token of this tokenizer.", nameof(promptTokens)));
        }

        ids.Add(SepId);
        EncodeText(text, ids);
        return [.. ids];
    }

    /// <summary>A training sequence: <c>&lt;bos&gt; prompt &lt;sep&gt; text &lt;eos&gt;</c>, and where the text starts.</summary>
    public int[] EncodeTraining(string prompt, string text, out int textStart)
    {
        var ids = new List<int>(Encode(prompt, string.Empty));
        textStart = ids.Count;
        EncodeText(text, ids);
        ids.Add(EosId);
        return [.. ids];
    }

    public int[] EncodeText(string text)
    {
        var ids = new List<int>();
        EncodeText(text, ids);
        return [.. ids];
    }

    public void EncodeText(string text, List<int> ids)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(ids);
        foreach (var piece in PreTokenizer.Split(text))
        {
            if (piece.IsSpecial)
            {
                ids.Add(_specialIds[piece.Text]);
            }
            else
            {
                ids.AddRange(EncodeChunk(piece.Text));
            }
        }
    }

    /// <summary>Ids back to text; specials are written as themselves (<c>&lt;name&gt;</c>), structural ones skipped.</summary>
    public string Decode(ReadOnlySpan<int> ids)
    {
        var bytes = new List<byte>(ids.Length * 4);
        foreach (var id in ids)
        {
            if (id is PadId or BosId or SepId or EosId)
            {
                continue;
            }

            if (id < 0 || id >= VocabSize)
            {
                throw new ArgumentOutOfRangeException(nameof(ids), id, "token id outside the vocabulary");
            }

            bytes.AddRange(_bytesOf[id]);
        }

        return Encoding.UTF8.GetString([.. bytes]);
    }

    /// <summary>The text a token stands for (a special as itself, a byte piece as its UTF-8, possibly partial).</summary>
    public ReadOnlySpan<byte> BytesOf(int id) => _bytesOf[id];

    /// <summary>
    /// The byte pieces containing '&lt;' or '&gt;': text never needs them, and a slot spelled out of them would slip
    /// past the special-token mask. Found once per tokenizer, not once per decoded sequence.
    /// </summary>
    public int[] AngleBracketPieces => field ??= FindAngleBracketPieces();

    private int[] FindAngleBracketPieces()
    {
        var found = new List<int>();
        for (var id = ByteOffset; id < VocabSize; id++)
        {
            if (_bytesOf[id].AsSpan().IndexOfAny((byte)'<', (byte)'>') >= 0)
            {
                found.Add(id);
            }
        }

        return [.. found];
    }

    private static long Pair(int left, int right) => ((long)left << 32) | (uint)right;

    private int[] EncodeChunk(string chunk)
    {
        lock (_cacheLock)
        {
            if (_chunkCache.TryGetValue(chunk, out var cached))
            {
                return cached;
            }
        }

        var bytes = Encoding.UTF8.GetBytes(chunk);
        var parts = new List<int>(bytes.Length);
        foreach (var b in bytes)
        {
            parts.Add(ByteOffset + b);
        }

        // Merge the lowest-ranked adjacent pair until none is a merge. A merge (X, Y) is always learned after X and Y
        // exist, so merging one occurrence at a time (leftmost first) equals merging all occurrences of a rank at once.
        while (parts.Count > 1)
        {
            var bestRank = int.MaxValue;
            var bestAt = -1;
            for (var i = 0; i + 1 < parts.Count; i++)
            {
                if (_mergeRank.TryGetValue(Pair(parts[i], parts[i + 1]), out var rank) && rank < bestRank)
                {
                    bestRank = rank;
                    bestAt = i;
                }
            }

            if (bestAt < 0)
            {
                break;
            }

            parts[bestAt] = ByteOffset + 256 + bestRank;
            parts.RemoveAt(bestAt + 1);
        }

        var result = parts.ToArray();
        lock (_cacheLock)
        {
            if (_chunkCache.Count < ChunkCacheLimit)
            {
                _chunkCache.TryAdd(chunk, result);
            }
        }

        return result;
    }
}
