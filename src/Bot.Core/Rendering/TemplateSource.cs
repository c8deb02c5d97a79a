using Fluid;

namespace Bot.Core.Rendering;

/// <summary>One parsed template file.</summary>
/// <param name="Set">The channel name for a default, else the named set's folder name.</param>
/// <param name="FileName">One of <see cref="TemplateFiles"/>.</param>
/// <param name="Path">The file as found on disk, for messages.</param>
public sealed record TemplateSource(string Set, string FileName, string Path, string Text, IFluidTemplate Template);
