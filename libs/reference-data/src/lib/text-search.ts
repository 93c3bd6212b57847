/** Lower-cased words of a text, with British spellings folded so "behavioural" finds "Behavioral". */
export function words(text: string): string[] {
  return text
    .toLowerCase()
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/our\b/g, 'or')
    .replace(/ourist\b/g, 'orist')
    .replace(/(coun|coun)sell/g, '$1sel')
    .split(/[^a-z0-9]+/)
    .filter((w) => w !== '');
}

/** True when some word of the haystack starts with the query word ("psych" finds "Psychologist"). */
export function hasWordStartingWith(haystack: readonly string[], word: string): boolean {
  return haystack.some((w) => w.startsWith(word));
}
