const SPELLINGS: ReadonlyArray<readonly [RegExp, string]> = [
  [/behaviour/g, 'behavior'],
  [/counsell/g, 'counsel'],
  [/paediatric/g, 'pediatric'],
  [/centre/g, 'center'],
];

/** Lower-cased words of a text, with British spellings folded so "behavioural" finds "Behavioral". */
export function words(text: string): string[] {
  let folded = text
    .toLowerCase()
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '');
  for (const [pattern, replacement] of SPELLINGS) folded = folded.replace(pattern, replacement);
  return folded.split(/[^a-z0-9]+/).filter((w) => w !== '');
}

/** True when some word of the haystack starts with the query word ("psych" finds "Psychologist"). */
export function hasWordStartingWith(haystack: readonly string[], word: string): boolean {
  return haystack.some((w) => w.startsWith(word));
}
