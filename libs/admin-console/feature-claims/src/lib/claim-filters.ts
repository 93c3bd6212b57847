import { CLAIM_STATUSES, type ClaimStatus } from '@claimline/domain';
import { UNBILLED_READINESS, type UnbilledReadiness } from '@claimline/contracts/claims/plain';

const DATE = /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** A URL's query as Angular's `ParamMap` or a plain record gives it. */
type Params = { get(name: string): string | null } | Record<string, unknown>;

function read(params: Params, key: string): string {
  const v =
    typeof params.get === 'function'
      ? (params as { get(n: string): string | null }).get(key)
      : (params as Record<string, unknown>)[key];
  return typeof v === 'string' ? v.trim() : '';
}

const date = (v: string) => (DATE.test(v) ? v : '');
const uuid = (v: string) => (UUID.test(v) ? v.toLowerCase() : '');

/** The unbilled list's filters, as the URL keeps them (`?practice=&clinician=&payer=&from=&to=&readiness=`). */
export interface UnbilledFilters {
  practice: string;
  clinician: string;
  payer: string;
  from: string;
  to: string;
  readiness: UnbilledReadiness | '';
}

/** Reads the filters from the URL; a malformed value is left out rather than sent to be refused. */
export function unbilledFiltersFrom(params: Params): UnbilledFilters {
  const readiness = read(params, 'readiness');
  return {
    practice: uuid(read(params, 'practice')),
    clinician: uuid(read(params, 'clinician')),
    payer: uuid(read(params, 'payer')),
    from: date(read(params, 'from')),
    to: date(read(params, 'to')),
    readiness: (UNBILLED_READINESS as readonly string[]).includes(readiness)
      ? (readiness as UnbilledReadiness)
      : '',
  };
}

/** The URL's form of the filters: an empty one is null (Angular leaves it out). */
export function unbilledParams(f: UnbilledFilters): Record<keyof UnbilledFilters, string | null> {
  return {
    practice: f.practice || null,
    clinician: f.clinician || null,
    payer: f.payer || null,
    from: f.from || null,
    to: f.to || null,
    readiness: f.readiness || null,
  };
}

/** What the API is asked for: the URL's names become the API's (`clinician` → `clinicianId`). */
export function unbilledQuery(f: UnbilledFilters, practiceId: string | null) {
  return {
    practiceId: practiceId ?? (f.practice || null),
    clinicianId: f.clinician || null,
    payerId: f.payer || null,
    from: f.from || null,
    to: f.to || null,
    readiness: f.readiness || null,
  };
}

/** The claims list's filters (`?status=&client=&payer=&from=&to=`); its page is kept by `ListPaging`. */
export interface ClaimFilters {
  status: ClaimStatus | '';
  /** One client's claims (the client and appointment pages link here with it). */
  client: string;
  payer: string;
  from: string;
  to: string;
}

export function claimFiltersFrom(params: Params): ClaimFilters {
  const status = read(params, 'status');
  return {
    status: (CLAIM_STATUSES as readonly string[]).includes(status) ? (status as ClaimStatus) : '',
    client: uuid(read(params, 'client')),
    payer: uuid(read(params, 'payer')),
    from: date(read(params, 'from')),
    to: date(read(params, 'to')),
  };
}

export function claimParams(f: ClaimFilters): Record<keyof ClaimFilters, string | null> {
  return {
    status: f.status || null,
    client: f.client || null,
    payer: f.payer || null,
    from: f.from || null,
    to: f.to || null,
  };
}

export function claimQuery(f: ClaimFilters) {
  return {
    status: f.status || null,
    clientId: f.client || null,
    payerId: f.payer || null,
    from: f.from || null,
    to: f.to || null,
  };
}

/** True when any filter is set (the empty state then says nothing matches rather than nothing exists). */
export function anyFilter(f: object): boolean {
  return Object.values(f).some((v) => !!v);
}
