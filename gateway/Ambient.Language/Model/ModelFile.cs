namespace Ambient.Language.Model;

/// <summary>Which of the two exported graphs to run (README §4).</summary>
public enum ModelFile
{
    /// <summary><c>model.int8.onnx</c>: int8 DynamicQuantizeMatMul weights, the one the gateway ships.</summary>
    Quantized,

    /// <summary><c>model.fp32.onnx</c>: the float graph (reference, and the fallback if int8 misbehaves).</summary>
    FullPrecision,
}
