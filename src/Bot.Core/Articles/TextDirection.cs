namespace Bot.Core.Articles;

public enum TextDirection
{
    Ltr,
    Rtl,
}
