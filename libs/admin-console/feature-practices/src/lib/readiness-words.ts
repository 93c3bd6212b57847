import type {
  PracticeReadiness,
  ReadinessItem,
  ReadinessSource,
} from '@claimline/contracts/practice-settings';

/** The seed guide's headings for the checklist sections; unknown sections get their name in words. */
const SECTION_TITLES: Record<string, string> = {
  profile: 'Set up your profile',
  'secure-messaging': 'Enable Secure Messaging',
  account: 'Set up your account',
};

export function sectionTitle(section: string): string {
  if (SECTION_TITLES[section]) return SECTION_TITLES[section];
  const words = section.replace(/[-_.]+/g, ' ').trim();
  return words ? words[0].toUpperCase() + words.slice(1) : 'Other';
}

export interface ReadinessSection {
  key: string;
  title: string;
  items: ReadinessItem[];
  done: number;
}

/** Items grouped by section, sections in the order they first appear (the checklist's order). */
export function groupBySection(items: readonly ReadinessItem[]): ReadinessSection[] {
  const sections = new Map<string, ReadinessSection>();
  for (const item of items) {
    let s = sections.get(item.section);
    if (!s)
      sections.set(
        item.section,
        (s = { key: item.section, title: sectionTitle(item.section), items: [], done: 0 }),
      );
    s.items.push(item);
    if (item.status === 'done') s.done++;
  }
  return [...sections.values()];
}

/**
 * The console route of an item's `fixAt`. Services outside practice settings speak of their own
 * records (`/clients/<id>/insurance`); in the console those live under the practice.
 */
export function fixRoute(practiceId: string, fixAt: string): string {
  if (fixAt.startsWith('/clients/') || fixAt === '/clients') return `/practices/${practiceId}${fixAt}`;
  return fixAt;
}

const PLACES: [RegExp, string][] = [
  [/\/settings\/practice-details(?:$|[/?#])/, 'Practice details'],
  [/\/settings\/team-members\/[^/?#]+/, 'the team member’s profile'],
  [/\/settings\/team-members(?:$|[/?#])/, 'Team members'],
  [/\/settings\/locations(?:$|[/?#])/, 'Office locations'],
  [/\/settings\/billing(?:$|[/?#])/, 'Billing profile'],
  [/\/settings\/secure-messaging(?:$|[/?#])/, 'Secure messaging'],
  [/\/clients\/[^/?#]+\/insurance/, 'the client’s insurance'],
  [/\/clients\/[^/?#]+/, 'the client’s profile'],
  [/\/clients(?:$|[/?#])/, 'Clients'],
  [/\/enrollments/, 'Enrollments'],
];

/** Where a link leads, in words ("Billing profile"). */
export function placeName(fixAt: string): string {
  return PLACES.find(([re]) => re.test(fixAt))?.[1] ?? 'the page where this is set';
}

/** "Tax ID (EIN) or SSN, Taxonomy code and 3 more": the first missing items of a checklist. */
export function missingSummary(readiness: PracticeReadiness, first = 2): string {
  const missing = readiness.items.filter((i) => i.status === 'missing').map((i) => i.title);
  if (!missing.length) return '';
  const shown = missing.slice(0, first);
  const rest = missing.length - shown.length;
  return rest > 0 ? `${shown.join(', ')} and ${rest} more` : shown.join(shown.length === 2 ? ' and ' : ', ');
}

export function percentDone(readiness: Pick<PracticeReadiness, 'done' | 'total'>): number {
  return readiness.total ? Math.round((readiness.done / readiness.total) * 100) : 100;
}

const SERVICE_NAMES: Record<string, string> = {
  'practice-settings': 'Practice settings',
  'client-insurance': 'Clients and insurance',
  enrollments: 'Enrollments',
  documents: 'Documents',
  notifications: 'Notifications',
};

/**
 * Why a contributing service's items are not in the checklist, or null when nothing is lost:
 * `ok` answered, and `absent` means no such service listens (it has nothing to add, by the
 * readiness contract) — only a timeout or an error leaves the checklist incomplete.
 */
export function sourceNote(source: ReadinessSource): string | null {
  const name = SERVICE_NAMES[source.service] ?? sectionTitle(source.service);
  switch (source.status) {
    case 'ok':
    case 'absent':
      return null;
    case 'timeout':
      return `${name} did not answer in time, so its items are not listed.`;
    default:
      return `${name} answered with an error, so its items are not listed.`;
  }
}
