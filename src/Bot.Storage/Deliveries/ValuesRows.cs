using System.Data.Common;
using System.Globalization;
using System.Text;

namespace Bot.Storage.Deliveries;

/// <summary>
/// The rows of a multi-row <c>VALUES</c> list for one statement (or the items of an <c>IN</c> list, through
/// <see cref="Parameter"/>), with their parameters added to the command. Each distinct value becomes one parameter
/// however many rows repeat it, so a fan-out page of a thousand recipients binds about a thousand parameters, not
/// five thousand. Both databases name the columns <c>column1</c>, <c>column2</c>, … . Raw commands rather than
/// Dapper: Dapper caches every distinct SQL text for the life of the process, and each row count would be one more.
/// </summary>
internal sealed class ValuesRows(DbCommand command)
{
    /// <summary>Rows per statement: far below both databases' parameter limits (SQLite 32,766, PostgreSQL 65,535) even with seven distinct values a row.</summary>
    public const int MaxRows = 1000;

    private static readonly UtcDateTimeOffsetHandler Instants = new();
    private readonly Dictionary<object, string> _names = [];
    private readonly StringBuilder _text = new();

    public int Count { get; private set; }

    /// <summary>The <c>VALUES</c> list so far: <c>VALUES (@p0, @p1), (@p0, @p2)</c>.</summary>
    public string Text => "VALUES " + _text;

    /// <summary>Adds one row; the last column is the row's position, for statements that must keep the caller's order.</summary>
    public void Add(params object[] values)
    {
        _text.Append(Count == 0 ? "(" : ", (");
        foreach (var value in values)
        {
            _text.Append(Parameter(value)).Append(", ");
        }
        _text.Append(Count.ToString(CultureInfo.InvariantCulture)).Append(')');
        Count++;
    }

    /// <summary>The name of the parameter holding <paramref name="value"/>, added to the command on first use.</summary>
    public string Parameter(object value)
    {
        if (_names.TryGetValue(value, out var name)) return name;
        name = "@p" + _names.Count.ToString(CultureInfo.InvariantCulture);
        var parameter = command.CreateParameter();
        parameter.ParameterName = name;
        if (value is DateTimeOffset)
        {
            Instants.SetValue(parameter, value);
        }
        else
        {
            parameter.Value = value;
        }
        command.Parameters.Add(parameter);
        _names[value] = name;
        return name;
    }
}
