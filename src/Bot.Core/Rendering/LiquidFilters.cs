using System.Globalization;
using Fluid;
using Fluid.Values;

namespace Bot.Core.Rendering;

/// <summary>Filters the default templates use, formatting for the article's language (the render's culture).</summary>
public static class LiquidFilters
{
    /// <summary>Default <c>format_date</c> pattern: "23 ديسمبر 2023", "23 December 2023".</summary>
    public const string DefaultDatePattern = "d MMMM yyyy";

    public static void Register(FilterCollection filters)
    {
        ArgumentNullException.ThrowIfNull(filters);
        filters.AddFilter("format_date", FormatDate);
        filters.AddFilter("format_number", FormatNumber);
    }

    /// <summary><c>{{ article.published | format_date }}</c>, or with a .NET pattern: <c>format_date: "d MMMM yyyy HH:mm"</c>.</summary>
    public static ValueTask<FluidValue> FormatDate(FluidValue input, FilterArguments arguments, TemplateContext context)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(arguments);
        ArgumentNullException.ThrowIfNull(context);
        if (input.IsNil() || !input.TryGetDateTimeInput(context, out var value))
        {
            return NilValue.Instance;
        }

        var pattern = arguments.Count > 0 ? arguments.At(0).ToStringValue() : DefaultDatePattern;
        return new StringValue(value.ToString(pattern, context.CultureInfo));
    }

    /// <summary><c>{{ 1234567 | format_number }}</c> → "1,234,567" (English), "1٬234٬567" (Arabic); optional .NET format.</summary>
    public static ValueTask<FluidValue> FormatNumber(FluidValue input, FilterArguments arguments, TemplateContext context)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(arguments);
        ArgumentNullException.ThrowIfNull(context);
        if (input.IsNil())
        {
            return NilValue.Instance;
        }

        var format = arguments.Count > 0 ? arguments.At(0).ToStringValue() : "N0";
        return new StringValue(input.ToNumberValue().ToString(format, context.CultureInfo));
    }
}
