import { fail, ok, type Result } from '@claimline/domain';
import { ICD10CM_RELEASES, ICD10CM_ROWS, type Icd10CmRelease } from '../generated/icd10cm';
import { hasWordStartingWith, words } from './text-search';

export { ICD10CM_RELEASES, type Icd10CmRelease };

export interface DiagnosisCode {
  /** Without the dot, as X12 sends it (HI segment), e.g. `F4310`. */
  code: string;
  /** With the dot after the third character, as people write it, e.g. `F43.10`. */
  display: string;
  /** A complete code that may go on a claim; a header (category or subcategory) has children and may not. */
  billable: boolean;
  shortTitle: string;
  title: string;
  /** The fiscal-year releases of ICD-10-CM that contain the code. */
  releases: readonly string[];
}

/** Abbreviations clinicians type for the diagnoses they use most, mapped to the code prefixes they mean. */
const ABBREVIATIONS: Readonly<Record<string, readonly string[]>> = {
  ptsd: ['F431'],
  adhd: ['F90'],
  ocd: ['F42'],
  gad: ['F411'],
  mdd: ['F32', 'F33'],
  aud: ['F10'],
  oud: ['F11'],
  sud: ['F1'],
  asd: ['F84'],
  odd: ['F913'],
};

interface Indexed {
  entry: DiagnosisCode;
  title: string[];
}

let byCode: ReadonlyMap<string, DiagnosisCode> | undefined;
let index: Indexed[] | undefined;

function codes(): ReadonlyMap<string, DiagnosisCode> {
  byCode ??= new Map(
    ICD10CM_ROWS.map(([code, billable, shortTitle, title, releases]) => [
      code,
      { code, display: withDot(code), billable: billable === 1, shortTitle, title, releases },
    ]),
  );
  return byCode;
}

function searchIndex(): Indexed[] {
  index ??= [...codes().values()].map((entry) => ({
    entry,
    title: words(`${entry.title} ${entry.shortTitle}`),
  }));
  return index;
}

function withDot(code: string): string {
  return code.length > 3 ? `${code.slice(0, 3)}.${code.slice(3)}` : code;
}

/** Every code shipped, headings included, in code order. */
export function allDiagnoses(): DiagnosisCode[] {
  return [...codes().values()];
}

/** `f43.10`, ` F4310 ` → `F4310`; undefined when it cannot be an ICD-10-CM code at all. */
export function normalizeDiagnosisCode(input: string): string | undefined {
  const compact = input.trim().toUpperCase().replace('.', '');
  return /^[A-Z][0-9][0-9A-Z]{1,5}$/.test(compact) ? compact : undefined;
}

/** The code as the code set has it, billable or not; undefined for a code outside the shipped subset. */
export function findDiagnosis(input: string): DiagnosisCode | undefined {
  const code = normalizeDiagnosisCode(input);
  return code === undefined ? undefined : codes().get(code);
}

/**
 * The release in force on a date of service. A date after the newest release shipped is answered by
 * that release with `stale: true`, so a claim can still be made and the scrubber can say the code set
 * needs updating; a date before the oldest has no release.
 */
export function diagnosisReleaseFor(
  dateOfService: string,
): { release: Icd10CmRelease; stale: boolean } | undefined {
  const inForce = ICD10CM_RELEASES.find(
    (r) => r.validFrom <= dateOfService && dateOfService <= r.validThrough,
  );
  if (inForce) return { release: inForce, stale: false };
  const newest = ICD10CM_RELEASES[ICD10CM_RELEASES.length - 1];
  return newest && dateOfService > newest.validThrough ? { release: newest, stale: true } : undefined;
}

/**
 * Checks a diagnosis for a claim: the shape, that the code is in the code set, that it is billable
 * (a header is refused with its billable children named) and, given a date of service, that the
 * release in force on that date has it.
 */
export function checkDiagnosisCode(input: string, dateOfService?: string): Result<DiagnosisCode> {
  const code = normalizeDiagnosisCode(input);
  if (code === undefined)
    return fail(
      'diagnosis.format',
      `"${input.trim()}" is not an ICD-10-CM code (a letter, a digit, then 1 to 5 more)`,
    );
  const entry = codes().get(code);
  if (!entry)
    return fail(
      'diagnosis.unknown',
      `${withDot(code)} is not a behavioural-health ICD-10-CM code this product knows (releases ${ICD10CM_RELEASES.map((r) => r.release).join(', ')})`,
    );
  if (!entry.billable) {
    const children = [...codes().values()]
      .filter((c) => c.billable && c.code.startsWith(code))
      .slice(0, 6)
      .map((c) => c.display);
    return fail(
      'diagnosis.not_billable',
      `${entry.display} (${entry.shortTitle}) is a heading, not a billable code: choose a more specific code${children.length ? `, e.g. ${children.join(', ')}` : ''}`,
    );
  }
  if (dateOfService !== undefined) {
    const inForce = diagnosisReleaseFor(dateOfService);
    if (!inForce)
      return fail(
        'diagnosis.no_release',
        `No ICD-10-CM release for a date of service of ${dateOfService} is loaded (the oldest starts ${ICD10CM_RELEASES[0]?.validFrom})`,
      );
    if (!entry.releases.includes(inForce.release.release))
      return fail(
        'diagnosis.not_in_release',
        `${entry.display} is not valid for a date of service of ${dateOfService} (ICD-10-CM ${inForce.release.release})`,
      );
  }
  return ok(entry);
}

/**
 * Finds diagnoses by code (`F43`, `f43.1`) or words (`post traumatic`, `ptsd`). A code query lists
 * the code and everything under it; word queries need every word to start a word of the title.
 * Billable codes come before headings, shorter codes before longer ones.
 */
export function searchDiagnoses(
  query: string,
  options: { limit?: number; billableOnly?: boolean } = {},
): DiagnosisCode[] {
  const limit = options.limit ?? 20;
  if (limit <= 0) return [];
  const compact = query.trim().toUpperCase().replace('.', '');
  const keep = (e: DiagnosisCode) => !options.billableOnly || e.billable;
  if (/^[A-Z][0-9][0-9A-Z]{0,5}$/.test(compact)) {
    return [...codes().values()]
      .filter((e) => e.code.startsWith(compact) && keep(e))
      .sort((a, b) => a.code.length - b.code.length || (a.code < b.code ? -1 : 1))
      .slice(0, limit);
  }
  const queryWords = words(query);
  if (queryWords.length === 0) return [];
  const prefixes = queryWords.flatMap((w) => ABBREVIATIONS[w] ?? []);
  const textWords = queryWords.filter((w) => !ABBREVIATIONS[w]);
  const scored: Array<{ entry: DiagnosisCode; score: number }> = [];
  for (const item of searchIndex()) {
    if (!keep(item.entry)) continue;
    if (prefixes.length && !prefixes.some((p) => item.entry.code.startsWith(p))) continue;
    if (!textWords.every((w) => hasWordStartingWith(item.title, w))) continue;
    let score = item.entry.billable ? 100 : 0;
    for (const w of textWords) if (item.title.includes(w)) score += 10;
    scored.push({ entry: item.entry, score });
  }
  return scored
    .sort(
      (a, b) =>
        b.score - a.score ||
        a.entry.code.length - b.entry.code.length ||
        (a.entry.code < b.entry.code ? -1 : 1),
    )
    .slice(0, limit)
    .map((s) => s.entry);
}
