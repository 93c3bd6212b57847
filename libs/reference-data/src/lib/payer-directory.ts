import type { UsStateCode } from '@claimline/domain';
import { PAYERS, type Payer } from './payers';
import { hasWordStartingWith, words } from './text-search';
import { findUsState } from './us-states';

export function findPayerByKey(key: string): Payer | undefined {
  return PAYERS.find((p) => p.key === key);
}

/** Every payer that uses this ID at the clearinghouse (several share one, e.g. 87726). */
export function findPayersById(payerId: string, clearinghouse = 'default'): Payer[] {
  const id = payerId.trim().toUpperCase();
  return PAYERS.filter((p) => p.payerIds[clearinghouse]?.toUpperCase() === id);
}

/** The main payer using this ID: the first in directory order, where national payers come first. */
export function findPayerById(payerId: string, clearinghouse = 'default'): Payer | undefined {
  return findPayersById(payerId, clearinghouse)[0];
}

/** BCBS plans serving the state, main plan first (CA has two, PA, NY and WA several by region). */
export function localBcbsPlansForState(state: string): Payer[] {
  const code = state.trim().toUpperCase();
  return PAYERS.filter((p) => p.isBcbs && p.states?.some((s) => s === code));
}

export function localBcbsPlanForState(state: string): Payer | undefined {
  return localBcbsPlansForState(state)[0];
}

/**
 * Blue Cross Blue Shield plans take claims for any BCBS member through the plan local to where
 * the service was given (BlueCard), so a practice picks its own state's plan even when the card
 * says another. Returns the warning to show, or undefined when the choice is fine.
 */
export function bcbsWarning(payer: Payer, practiceState: string): string | undefined {
  if (!payer.isBcbs) return undefined;
  const locals = localBcbsPlansForState(practiceState);
  if (locals.some((p) => p.key === payer.key)) return undefined;
  const stateName = findUsState(practiceState)?.name ?? practiceState.trim().toUpperCase();
  const local = locals.length > 0 ? locals.map((p) => p.name).join(' or ') : `the ${stateName} plan`;
  return (
    `${payer.name} is not the Blue Cross Blue Shield plan for ${stateName}. Blue Cross Blue Shield claims go to ` +
    `the plan local to your practice (${local}), even for out-of-area members.`
  );
}

export interface PayerSearchOptions {
  /** The practice's state: payers local to it come first, then national ones, then the rest. */
  state?: UsStateCode | string;
  limit?: number;
}

interface Indexed {
  payer: Payer;
  name: string[];
  other: string[];
  ids: string[];
}

let index: Indexed[] | undefined;
function searchIndex(): Indexed[] {
  index ??= PAYERS.map((payer) => ({
    payer,
    name: words(payer.name),
    other: words(
      [
        ...(payer.aliases ?? []),
        payer.region ?? '',
        ...(payer.states ?? []).flatMap((s) => [s, findUsState(s)?.name ?? '']),
      ].join(' '),
    ),
    ids: Object.values(payer.payerIds).map((id) => id.toLowerCase()),
  }));
  return index;
}

/**
 * Finds payers by name, alias, state name or payer ID; every word must match the start of a word.
 * An empty query lists the whole directory (local payers first when a state is given), for a picker.
 */
export function searchPayers(query: string, options: PayerSearchOptions = {}): Payer[] {
  const queryWords = words(query);
  const phrase = queryWords.join(' ');
  const state = options.state?.trim().toUpperCase();
  const scored: Array<{ payer: Payer; score: number; tier: number }> = [];
  for (const item of searchIndex()) {
    const all = [...item.ids, ...item.name, ...item.other];
    if (!queryWords.every((w) => hasWordStartingWith(all, w))) continue;
    let score = 0;
    if (queryWords.length === 1 && item.ids.includes(queryWords[0])) score += 1_000;
    if (phrase && item.name.join(' ').startsWith(phrase)) score += 200;
    for (const w of queryWords) {
      if (item.name.includes(w)) score += 30;
      else if (hasWordStartingWith(item.name, w)) score += 20;
      else score += 10;
    }
    if (item.payer.idVerified) score += 5;
    const tier = !state || item.payer.states?.some((s) => s === state) ? 0 : item.payer.states ? 2 : 1;
    scored.push({ payer: item.payer, score, tier });
  }
  return scored
    .sort((a, b) => a.tier - b.tier || b.score - a.score || a.payer.name.localeCompare(b.payer.name))
    .slice(0, options.limit ?? 20)
    .map((s) => s.payer);
}
