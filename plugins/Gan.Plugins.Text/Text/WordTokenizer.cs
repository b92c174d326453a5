using System.Text;

namespace Gan.Plugins.Text.Text;

/// <summary>
/// Splits text into lower-cased words, numbers and single punctuation marks ("What's C#?" → what 's c# ?).
/// Hand-written because the word-level scheme needs only this, and it must round-trip through
/// <see cref="Detokenize"/> into a readable sentence.
/// </summary>
internal static class WordTokenizer
{
    /// <summary>Tokens of <paramref name="text"/>; lower-cased when <paramref name="lowercase"/>.</summary>
    public static List<string> Tokenize(string text, bool lowercase = true)
    {
        var tokens = new List<string>();
        var word = new StringBuilder();
        void Flush()
        {
            if (word.Length > 0)
            {
                tokens.Add(lowercase ? word.ToString().ToLowerInvariant() : word.ToString());
                word.Clear();
            }
        }

        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (char.IsWhiteSpace(c))
            {
                Flush();
            }
            else if (IsWordCharacter(text, i))
            {
                word.Append(c);
            }
            else if (c == '\'' && word.Length > 0 && i + 1 < text.Length && char.IsLetter(text[i + 1]))
            {
                // English clitics ("it's", "don't") become their own token: "it" "'s".
                Flush();
                word.Append(c);
            }
            else
            {
                Flush();
                tokens.Add(c.ToString());
            }
        }

        Flush();
        return tokens;
    }

    /// <summary>Joins tokens into text: no space before closing punctuation and clitics, none after opening brackets.</summary>
    public static string Detokenize(IEnumerable<string> tokens)
    {
        var text = new StringBuilder();
        var glueNext = true;
        foreach (var token in tokens)
        {
            var closes = token is "." or "," or "?" or "!" or ":" or ";" or ")" or "]" or "%" || token.StartsWith('\'') && token.Length > 1;
            if (!glueNext && !closes)
            {
                text.Append(' ');
            }

            text.Append(token);
            glueNext = token is "(" or "[" or "$";
        }

        return text.ToString();
    }

    private static bool IsWordCharacter(string text, int i)
    {
        var c = text[i];
        if (char.IsLetterOrDigit(c) || c == '_')
        {
            return true;
        }

        // Keep "c#", "c++", "3.14", "node.js", ".net" and "e-mail" whole: inner or leading dots, inner dashes, trailing # and +.
        var previousIsWord = i > 0 && char.IsLetterOrDigit(text[i - 1]);
        var nextIsWord = i + 1 < text.Length && char.IsLetterOrDigit(text[i + 1]);
        return c switch
        {
            '.' => nextIsWord && (previousIsWord || i == 0 || char.IsWhiteSpace(text[i - 1])),
            '-' => previousIsWord && nextIsWord,
            '#' or '+' => previousIsWord || (i > 0 && text[i - 1] == '+'),
            _ => false,
        };
    }
}
