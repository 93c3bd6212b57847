import { ArrayMaxSize, ArrayMinSize, ArrayUnique, IsArray, IsIn, IsUUID } from 'class-validator';
import { PRACTICE_TYPES, type PracticeType } from '@claimline/domain';

/**
 * Readiness: the seed's "Set up your account" checklist, per practice.
 *
 * practice-settings computes its own items (NPIs, practice information, Tax ID, taxonomy,
 * billing address, service facility, Secure Messaging) and gathers the items of other services
 * without knowing their insides:
 *
 * - A service that wants to add items (clients' missing info, enrollments, …) answers the
 *   request-reply subject `readiness.items.<service>` (e.g. `readiness.items.client-insurance`)
 *   in its own queue group, with a plain `@MessagePattern` handler. Request:
 *   `{ actor, data: ReadinessItemsRequest }`; reply: `ReadinessItemsResponse`.
 * - practice-settings asks every service named in its `READINESS_CONTRIBUTORS` setting, in
 *   parallel. A service with no instance listening answers at once (NATS "no responders") and adds
 *   nothing; one that does not answer within `READINESS_CONTRIBUTOR_TIMEOUT_MS` adds nothing
 *   either. Each outcome is reported in `PracticeReadiness.sources`, so a partial answer says so.
 * - Items must be about the asked practice only, scoped by the actor, worded for a practice
 *   owner, with `fixAt` a console route; `key`s are prefixed with the service name.
 */
export const READINESS_ITEMS_SUBJECT_PREFIX = 'readiness.items';

export function readinessItemsSubject(service: string): `readiness.items.${string}` {
  return `${READINESS_ITEMS_SUBJECT_PREFIX}.${service}`;
}

export class ReadinessItemsRequest {
  @IsUUID()
  practiceId: string;

  @IsIn(PRACTICE_TYPES)
  practiceType: PracticeType;
}

export interface MissingField {
  /** Dotted path of the field in the API, e.g. `billingProfile.taxId` or `teamMembers.<id>.npi`. */
  field: string;
  /** What to enter, in words a practice owner understands. */
  label: string;
}

export interface ReadinessItem {
  /** Stable key, e.g. `practice-settings.tax-id` or `practice-settings.personal-npi.<memberId>`. */
  key: string;
  /** Which part of the seed's guide it belongs to: `profile`, `secure-messaging`, `account`, … */
  section: string;
  title: string;
  status: 'done' | 'missing';
  missing: MissingField[];
  /** Console route where it is fixed, e.g. `/practices/<id>/settings/billing`. */
  fixAt: string;
  /** A hint shown with the item (why it is needed, or why it is optional). */
  note?: string;
  /** The service that contributed the item. */
  source: string;
}

export interface ReadinessItemsResponse {
  items: ReadinessItem[];
}

export interface ReadinessSource {
  service: string;
  status: 'ok' | 'absent' | 'timeout' | 'error';
  items: number;
}

export interface PracticeReadiness {
  practiceId: string;
  practiceType: PracticeType;
  /** Every item of every answering service is done. */
  complete: boolean;
  done: number;
  total: number;
  items: ReadinessItem[];
  sources: ReadinessSource[];
}

/** Typed map of the contributors' subjects, for `RpcClient<ReadinessContributorRpc>`. */
export interface ReadinessContributorRpc {
  [subject: `readiness.items.${string}`]: {
    request: ReadinessItemsRequest;
    response: ReadinessItemsResponse;
  };
}

export const MAX_READINESS_PRACTICES = 200;

/** Practice settings' own checklist of many practices at once (claims-service's unbilled list). */
export class ReadinessManyQuery {
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(MAX_READINESS_PRACTICES, {
    message: `practiceIds may list at most ${MAX_READINESS_PRACTICES} practices per call`,
  })
  @ArrayUnique()
  @IsUUID('all', { each: true })
  practiceIds: string[];
}

/**
 * Practice settings' own items only (NPIs, practice information, Tax ID, taxonomy, billing
 * address, service facility, Secure Messaging): the contributors' items are not gathered, so the
 * answer costs three queries per practice and no call to another service.
 */
export interface ReadinessManyResult {
  items: { practiceId: string; items: ReadinessItem[] }[];
  /** Ids that are not practices the caller may see (answered like missing ones). */
  notFound: string[];
}
