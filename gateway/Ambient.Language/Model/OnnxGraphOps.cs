using System.Text;

namespace Ambient.Language.Model;

/// <summary>
/// The operator types in an ONNX file's main graph, read straight from the protobuf (ModelProto.graph = 7,
/// GraphProto.node = 1, NodeProto.op_type = 4, NodeProto.domain = 7; onnx.proto3). Used on the graph ORT writes to
/// <c>SessionOptions.OptimizedModelFilePath</c> to see which quantized kernels survived optimization
/// (small-model.md §7 "validation tip"), without an ONNX library.
/// </summary>
internal static class OnnxGraphOps
{
    /// <summary>"domain:op_type" (domain empty for ai.onnx) → number of nodes.</summary>
    public static Dictionary<string, int> Count(string path)
    {
        var bytes = File.ReadAllBytes(path);
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var (field, graph) in Fields(bytes))
        {
            if (field != 7 || graph is not { } g)
            {
                continue;
            }

            foreach (var (nodeField, node) in Fields(g))
            {
                if (nodeField != 1 || node is not { } n)
                {
                    continue;
                }

                string? op = null, domain = null;
                foreach (var (f, value) in Fields(n))
                {
                    if (value is { } v && f == 4)
                    {
                        op = Encoding.UTF8.GetString(v.Span);
                    }
                    else if (value is { } d && f == 7)
                    {
                        domain = Encoding.UTF8.GetString(d.Span);
                    }
                }

                if (op is not null)
                {
                    var key = $"{domain}:{op}";
                    counts[key] = counts.GetValueOrDefault(key) + 1;
                }
            }
        }

        return counts;
    }

    /// <summary>Top-level fields of one message: (field number, payload for length-delimited ones, else null).</summary>
    private static List<(int Field, ReadOnlyMemory<byte>? Value)> Fields(ReadOnlyMemory<byte> message)
    {
        var fields = new List<(int, ReadOnlyMemory<byte>?)>();
        var span = message.Span;
        var i = 0;
        while (i < span.Length)
        {
            var key = Varint(span, ref i);
            var field = (int)(key >> 3);
            switch (key & 7)
            {
                case 0:
                    Varint(span, ref i);
                    fields.Add((field, null));
                    break;
                case 1:
                    i += 8;
                    fields.Add((field, null));
                    break;
                case 2:
                    var length = checked((int)Varint(span, ref i));
                    if (length < 0 || i + length > span.Length)
                    {
                        throw new InvalidDataException("truncated protobuf field");
                    }

                    fields.Add((field, message.Slice(i, length)));
                    i += length;
                    break;
                case 5:
                    i += 4;
                    fields.Add((field, null));
                    break;
                default:
                    throw new InvalidDataException($"unsupported protobuf wire type {key & 7}");
            }
        }

        return fields;
    }

    private static ulong Varint(ReadOnlySpan<byte> span, ref int i)
    {
        ulong value = 0;
        for (var shift = 0; shift < 64; shift += 7)
        {
            if (i >= span.Length)
            {
                throw new InvalidDataException("truncated protobuf varint");
            }

            var b = span[i++];
            value |= (ulong)(b & 0x7F) << shift;
            if ((b & 0x80) == 0)
            {
                return value;
            }
        }

        throw new InvalidDataException("protobuf varint longer than 10 bytes");
    }
}
