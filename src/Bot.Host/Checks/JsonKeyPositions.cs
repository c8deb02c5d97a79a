using System.Text.Json;

namespace Bot.Host.Checks;

/// <summary>
/// Where each configuration key is written in a JSON settings file (1-based line and column of the
/// property name, or of the element for arrays), keyed the way configuration keys are: <c>A:B:0:C</c>.
/// </summary>
public sealed class JsonKeyPositions
{
    private readonly Dictionary<string, (int Line, int Column)> _positions;

    private JsonKeyPositions(Dictionary<string, (int Line, int Column)> positions) => _positions = positions;

    /// <summary>Reads the positions; an unreadable or invalid file gives none (the configuration loader reports it).</summary>
    public static JsonKeyPositions Read(string path)
    {
        var positions = new Dictionary<string, (int, int)>(StringComparer.OrdinalIgnoreCase);
        try
        {
            var bytes = File.ReadAllBytes(path);
            var start = bytes.AsSpan().StartsWith("\uFEFF"u8) ? 3 : 0;
            var lineStarts = new List<int> { 0 };
            for (var i = 0; i < bytes.Length; i++)
            {
                if (bytes[i] == (byte)'\n')
                {
                    lineStarts.Add(i + 1);
                }
            }

            var reader = new Utf8JsonReader(bytes.AsSpan(start), new JsonReaderOptions
            {
                CommentHandling = JsonCommentHandling.Skip,
                AllowTrailingCommas = true,
            });
            var segments = new List<string>();
            var arrayIndex = new Stack<int>();
            var containers = new Stack<JsonTokenType>();

            while (reader.Read())
            {
                var offset = start + (int)reader.TokenStartIndex;
                switch (reader.TokenType)
                {
                    case JsonTokenType.PropertyName:
                        segments.Add(reader.GetString() ?? "");
                        positions.TryAdd(string.Join(':', segments), Position(bytes, lineStarts, offset));
                        continue;
                    case JsonTokenType.StartObject:
                    case JsonTokenType.StartArray:
                        EnterValue(segments, arrayIndex, containers, positions, bytes, lineStarts, offset);
                        containers.Push(reader.TokenType);
                        if (reader.TokenType == JsonTokenType.StartArray)
                        {
                            arrayIndex.Push(0);
                        }

                        continue;
                    case JsonTokenType.EndObject:
                    case JsonTokenType.EndArray:
                        if (containers.Pop() == JsonTokenType.StartArray)
                        {
                            arrayIndex.Pop();
                        }

                        LeaveValue(segments, containers);
                        continue;
                    default:
                        EnterValue(segments, arrayIndex, containers, positions, bytes, lineStarts, offset);
                        LeaveValue(segments, containers);
                        continue;
                }
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or JsonException)
        {
        }

        return new JsonKeyPositions(positions);
    }

    public bool TryGet(string key, out int line, out int column)
    {
        if (_positions.TryGetValue(key, out var p))
        {
            (line, column) = p;
            return true;
        }

        (line, column) = (0, 0);
        return false;
    }

    private static void EnterValue(
        List<string> path,
        Stack<int> arrayIndex,
        Stack<JsonTokenType> containers,
        Dictionary<string, (int, int)> positions,
        byte[] bytes,
        List<int> lineStarts,
        int offset)
    {
        if (containers.TryPeek(out var parent) && parent == JsonTokenType.StartArray)
        {
            var index = arrayIndex.Pop();
            arrayIndex.Push(index + 1);
            path.Add(index.ToString(System.Globalization.CultureInfo.InvariantCulture));
            positions.TryAdd(string.Join(':', path), Position(bytes, lineStarts, offset));
        }
    }

    private static void LeaveValue(List<string> path, Stack<JsonTokenType> containers)
    {
        // A value ends its property (inside an object) or its element (inside an array); the root has neither.
        if (containers.Count > 0 && path.Count > 0)
        {
            path.RemoveAt(path.Count - 1);
        }
    }

    private static (int Line, int Column) Position(byte[] bytes, List<int> lineStarts, int offset)
    {
        var line = lineStarts.BinarySearch(offset);
        if (line < 0)
        {
            line = ~line - 1;
        }

        var column = 1;
        for (var i = lineStarts[line]; i < offset; i++)
        {
            // Count characters, not bytes: skip UTF-8 continuation bytes.
            if ((bytes[i] & 0xC0) != 0x80)
            {
                column++;
            }
        }

        return (line + 1, column);
    }
}
