import type { FieldError } from '@claimline/contracts/common';
import type { SubscriberDto } from '@claimline/contracts/client-insurance';
import type { RelationshipToInsured } from '@claimline/domain';

/**
 * The client's relationship to the primary insured decides whose details the claim carries.
 * Self: the client is the subscriber, so a separate subscriber is refused (not silently dropped:
 * a filled-in subscriber with "self" usually means the relationship was picked wrong).
 * Spouse, child, other: the subscriber's name, birth date, sex and address are required (DTO
 * validation checks each field once the subscriber is there).
 */
export function relationshipProblems(
  relationship: RelationshipToInsured,
  subscriber: SubscriberDto | null | undefined,
): FieldError[] {
  if (relationship === 'self' && subscriber) {
    return [
      {
        field: 'subscriber',
        rule: 'not_allowed',
        message:
          'Leave the subscriber empty when the client is the primary insured (relationship self); the client’s own details are used',
      },
    ];
  }
  if (relationship !== 'self' && !subscriber) {
    return [
      {
        field: 'subscriber',
        rule: 'required',
        message: `The client is the primary insured’s ${relationship === 'other' ? 'dependant' : relationship}: enter the primary insured’s name, birth date, sex and address`,
      },
    ];
  }
  return [];
}

export function coverageProblems(
  start: string | null | undefined,
  end: string | null | undefined,
): FieldError[] {
  if (start && end && start > end) {
    return [
      {
        field: 'coverageEnd',
        rule: 'after_start',
        message: `Coverage end ${end} is before coverage start ${start}`,
      },
    ];
  }
  return [];
}

/** The subscriber's birth date cannot be in the future; a child's parent is normally older, but that is not checked. */
export function subscriberDateProblems(
  subscriber: SubscriberDto | null | undefined,
  today: string,
): FieldError[] {
  if (subscriber && subscriber.birthDate > today) {
    return [
      {
        field: 'subscriber.birthDate',
        rule: 'not_future',
        message: `Subscriber birth date ${subscriber.birthDate} is in the future`,
      },
    ];
  }
  return [];
}
