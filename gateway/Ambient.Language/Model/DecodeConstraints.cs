namespace Ambient.Language.Model;

/// <summary>
/// What the model may write for one fact sheet (README §1, small-model.md §2 "constrained decoding"): the only special
/// tokens it may emit are the sheet's own slots and <c>&lt;eos&gt;</c> — control tokens, <c>&lt;pad&gt;</c>,
/// <c>&lt;bos&gt;</c>, <c>&lt;sep&gt;</c> and slots without a value never; a slot at most once; <c>&lt;eos&gt;</c> only
/// once every required slot has appeared; with the tokenizer's sentence ends given, a plant's moisture or days only
/// right after that plant was named in the same sentence (<see cref="PlantFactCheck"/>'s rule, kept while writing).
/// One instance per sequence (<see cref="Reset"/> to reuse it).
/// </summary>
internal sealed class DecodeConstraints
{
    private readonly int _specialCount;
    private readonly bool[] _allowedSpecial;
    private readonly bool[] _required;
    private readonly bool[] _used;
    private readonly int _requiredCount;
    private readonly int[] _bracketTokens;
    private int _requiredSeen;
    private readonly bool[]? _sentenceEnds;
    private readonly int[] _plantOf;
    private readonly bool[] _plantNumber;
    private int _lastPlant;

    public DecodeConstraints(BpeTokenizer tokenizer, IEnumerable<string> availableSlots, IEnumerable<string> requiredSlots, bool oneSentence = false, bool[]? sentenceEnds = null)
    {
        OneSentence = oneSentence;
        _sentenceEnds = sentenceEnds;
        ArgumentNullException.ThrowIfNull(tokenizer);
        ArgumentNullException.ThrowIfNull(availableSlots);
        ArgumentNullException.ThrowIfNull(requiredSlots);
        _specialCount = tokenizer.ByteOffset;
        _allowedSpecial = new bool[_specialCount];
        _required = new bool[_specialCount];
        _used = new bool[_specialCount];
        _allowedSpecial[BpeTokenizer.EosId] = true;
        _bracketTokens = tokenizer.AngleBracketPieces;
        foreach (var slot in availableSlots)
        {
            if (tokenizer.TryGetSpecialId(slot, out var id) && id > BpeTokenizer.EosId)
            {
                _allowedSpecial[id] = true;
            }
        }

        // Per special id: the plant number of a plant's name or number slot (0: none); which of them are numbers.
        _plantOf = new int[_specialCount];
        _plantNumber = new bool[_specialCount];
        for (var n = 1; n <= SlotNames.MaxPlants; n++)
        {
            foreach (var (slot, number) in new[] { (SlotNames.PlantName(n), false), (SlotNames.PlantMoisture(n), true), (SlotNames.PlantDays(n), true) })
            {
                if (tokenizer.TryGetSpecialId(slot, out var id) && id < _specialCount)
                {
                    _plantOf[id] = n;
                    _plantNumber[id] = number;
                }
            }
        }

        foreach (var slot in requiredSlots)
        {
            // A required slot the vocabulary lacks (or the sheet has no value for) can never appear; the end of text
            // would stay masked until the length limit, so it is left to the validator to report instead.
            if (tokenizer.TryGetSpecialId(slot, out var id) && _allowedSpecial[id] && id > BpeTokenizer.EosId && !_required[id])
            {
                _required[id] = true;
                _requiredCount++;
            }
        }
    }

    public bool RequiredSatisfied => _requiredSeen == _requiredCount;

    /// <summary>The text is to be one sentence (the earbud): a resumed early end joins on with ", and" (TextDecoder).</summary>
    public bool OneSentence { get; }

    /// <summary>The first of <paramref name="ids"/> that is required and has not appeared yet, or −1.</summary>
    public int FirstMissing(IReadOnlyList<int> ids)
    {
        ArgumentNullException.ThrowIfNull(ids);
        foreach (var id in ids)
        {
            if (id >= 0 && id < _specialCount && _required[id] && !_used[id])
            {
                return id;
            }
        }

        return -1;
    }

    public void Reset()
    {
        Array.Clear(_used);
        _requiredSeen = 0;
        _lastPlant = 0;
    }

    /// <summary>Sets every token that may not come next to −∞.</summary>
    public void Apply(Span<float> logits)
    {
        for (var id = 0; id < _specialCount; id++)
        {
            if (!_allowedSpecial[id] || _used[id] || (_sentenceEnds is not null && _plantNumber[id] && _plantOf[id] != _lastPlant))
            {
                logits[id] = float.NegativeInfinity;
            }
        }

        foreach (var id in _bracketTokens)
        {
            logits[id] = float.NegativeInfinity;
        }

        if (!RequiredSatisfied)
        {
            logits[BpeTokenizer.EosId] = float.NegativeInfinity;
        }
    }

    /// <summary>Records an emitted token.</summary>
    public void Accept(int id)
    {
        if (_sentenceEnds is not null && id >= 0 && id < _sentenceEnds.Length && _sentenceEnds[id])
        {
            _lastPlant = 0;
        }

        if (id <= BpeTokenizer.EosId || id >= _specialCount)
        {
            return;
        }

        if (_plantOf[id] > 0 && !_plantNumber[id])
        {
            _lastPlant = _plantOf[id];
        }

        if (!_allowedSpecial[id] || _used[id])
        {
            throw new InvalidOperationException($"token {id} was emitted although the constraints mask it");
        }

        _used[id] = true;
        if (_required[id])
        {
            _requiredSeen++;
        }
    }
}
