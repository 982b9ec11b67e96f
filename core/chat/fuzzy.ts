// Typo-tolerant search for a word inside a longer text (Thai has no spaces to split words on).

export interface SubstringMatch {
  /** Fewest insertions, deletions and substitutions turning `pattern` into some substring of the text. */
  distance: number;
  /** Where that substring ends (exclusive); the earliest such end. */
  end: number;
}

/**
 * Levenshtein distance from `pattern` to its closest substring of `text` (Sellers' algorithm),
 * O(pattern × text). Characters are UTF-16 units, which is one per Thai letter or mark.
 */
export function closestSubstring(pattern: string, text: string): SubstringMatch {
  const m = pattern.length;
  let prev = new Uint16Array(m + 1);
  let cur = new Uint16Array(m + 1);
  for (let i = 0; i <= m; i++) prev[i] = i;
  let best: SubstringMatch = { distance: m, end: 0 };
  for (let j = 1; j <= text.length; j++) {
    const c = text.charCodeAt(j - 1);
    cur[0] = 0;
    for (let i = 1; i <= m; i++) {
      const replace = prev[i - 1]! + (pattern.charCodeAt(i - 1) === c ? 0 : 1);
      cur[i] = Math.min(replace, prev[i]! + 1, cur[i - 1]! + 1);
    }
    if (cur[m]! < best.distance) best = { distance: cur[m]!, end: j };
    [prev, cur] = [cur, prev];
  }
  return best;
}
