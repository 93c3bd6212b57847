import { fail, ok, parseTaxonomyCode, type Result } from '@claimline/domain';
import { NUCC_TAXONOMY_ROWS, NUCC_TAXONOMY_VERSION, type NuccSection } from '../generated/nucc-taxonomy';
import { hasWordStartingWith, words } from './text-search';

export { NUCC_TAXONOMY_VERSION, type NuccSection };

export interface TaxonomyEntry {
  code: string;
  grouping: string;
  classification: string;
  specialization?: string;
  displayName: string;
  /** `Individual` codes describe a person, `Non-Individual` an organization (a group, agency or facility). */
  section: NuccSection;
  /** NUCC keeps retired codes in the set, named "Deactivated - …"; they should not be chosen for new claims. */
  deactivated: boolean;
}

const BEHAVIORAL_GROUPING = 'Behavioral Health & Social Service Providers';
const BEHAVIORAL_WORDS = /psychiatr|mental health|behavior|addiction|substance|psycholog/i;

/** Licence abbreviations people type instead of the NUCC name. */
const CREDENTIALS: Readonly<Record<string, readonly string[]>> = {
  '1041C0700X': ['lcsw', 'licsw', 'lisw'],
  '101YP2500X': ['lpc', 'lpcc'],
  '101YM0800X': ['lmhc'],
  '106H00000X': ['lmft', 'mft'],
  '101YA0400X': ['ladc', 'cadc', 'lcadc'],
  '103T00000X': ['psyd'],
  '363LP0808X': ['pmhnp'],
};

interface Indexed {
  entry: TaxonomyEntry;
  display: string[];
  classification: string[];
  grouping: string[];
  all: string[];
  behavioral: boolean;
}

export const NUCC_TAXONOMY: readonly TaxonomyEntry[] = NUCC_TAXONOMY_ROWS.map(
  ([code, grouping, classification, specialization, displayName, section]) => ({
    code,
    grouping,
    classification,
    ...(specialization ? { specialization } : {}),
    displayName,
    section,
    deactivated: displayName.startsWith('Deactivated'),
  }),
);

const BY_CODE: ReadonlyMap<string, TaxonomyEntry> = new Map(NUCC_TAXONOMY.map((e) => [e.code, e]));

let index: Indexed[] | undefined;
function searchIndex(): Indexed[] {
  index ??= NUCC_TAXONOMY.map((entry) => {
    const display = words(entry.displayName);
    const classification = words(`${entry.classification} ${entry.specialization ?? ''}`);
    const grouping = words(entry.grouping);
    return {
      entry,
      display,
      classification,
      grouping,
      all: [
        entry.code.toLowerCase(),
        ...(CREDENTIALS[entry.code] ?? []),
        ...display,
        ...classification,
        ...grouping,
      ],
      behavioral: entry.grouping === BEHAVIORAL_GROUPING || BEHAVIORAL_WORDS.test(entry.displayName),
    };
  });
  return index;
}

export function findTaxonomy(code: string): TaxonomyEntry | undefined {
  return BY_CODE.get(code.trim().toUpperCase());
}

export function isKnownTaxonomyCode(code: string): boolean {
  return findTaxonomy(code) !== undefined;
}

/** Checks shape (via `@claimline/domain`) and then that the code exists in the NUCC code set. */
export function checkTaxonomyCode(input: string): Result<TaxonomyEntry> {
  const parsed = parseTaxonomyCode(input);
  if (!parsed.ok) return parsed;
  const entry = BY_CODE.get(parsed.value);
  return entry
    ? ok(entry)
    : fail(
        'taxonomy.unknown',
        `Taxonomy code ${parsed.value} is not in the NUCC code set (v${NUCC_TAXONOMY_VERSION}); check it on the NPI registry`,
      );
}

/**
 * Finds taxonomy codes by code or by words. Every word must start a word somewhere in the display
 * name, classification, specialization or grouping. Ranked: exact code, then display name equal to
 * or starting with the query, then where the words matched; behavioural-health codes come before
 * others, as those are who this product serves, and deactivated codes come last.
 */
export function searchTaxonomy(query: string, limit = 20): TaxonomyEntry[] {
  const queryWords = words(query);
  if (queryWords.length === 0 || limit <= 0) return [];
  const phrase = queryWords.join(' ');
  const exactCode = query.trim().toUpperCase();

  const scored: Array<{ entry: TaxonomyEntry; score: number }> = [];
  for (const item of searchIndex()) {
    if (!queryWords.every((w) => hasWordStartingWith(item.all, w))) continue;
    let score = 0;
    if (item.entry.code === exactCode) score += 10_000;
    const display = item.display.join(' ');
    if (display === phrase) score += 1_000;
    else if (display.startsWith(phrase)) score += 500;
    for (const w of queryWords) {
      if (item.display.includes(w) || CREDENTIALS[item.entry.code]?.includes(w)) score += 35;
      else if (hasWordStartingWith(item.display, w)) score += 30;
      else if (hasWordStartingWith(item.classification, w)) score += 15;
      else score += 3;
    }
    if (item.behavioral) score += 40;
    if (item.entry.deactivated) score -= 2_000;
    scored.push({ entry: item.entry, score });
  }
  return scored
    .sort(
      (a, b) =>
        b.score - a.score ||
        a.entry.displayName.length - b.entry.displayName.length ||
        (a.entry.code < b.entry.code ? -1 : 1),
    )
    .slice(0, limit)
    .map((s) => s.entry);
}
