/** Request-reply subjects (`<service>.<entity>.<verb>`), served by client-insurance-service in queue group `client-insurance`. */
export const CLIENT_INSURANCE_SERVICE = 'client-insurance';

export const ClientInsuranceSubjects = {
  clientCreate: 'client-insurance.client.create',
  clientGet: 'client-insurance.client.get',
  clientUpdate: 'client-insurance.client.update',
  clientList: 'client-insurance.client.list',
  missingInfoGet: 'client-insurance.missing-info.get',
  missingInfoGetMany: 'client-insurance.missing-info.get-many',
  coverageGetMany: 'client-insurance.coverage.get-many',
  payerSearch: 'client-insurance.payer.search',
  payerGet: 'client-insurance.payer.get',
  payerCreate: 'client-insurance.payer.create',
  payerUpdate: 'client-insurance.payer.update',
  policyCreate: 'client-insurance.policy.create',
  policyGet: 'client-insurance.policy.get',
  policyUpdate: 'client-insurance.policy.update',
  policyList: 'client-insurance.policy.list',
  policyRemove: 'client-insurance.policy.remove',
  policyFindByMemberId: 'client-insurance.policy.find-by-member-id',
  authorizationCreate: 'client-insurance.authorization.create',
  authorizationGet: 'client-insurance.authorization.get',
  authorizationUpdate: 'client-insurance.authorization.update',
  authorizationList: 'client-insurance.authorization.list',
  authorizationConsume: 'client-insurance.authorization.consume',
  authorizationRelease: 'client-insurance.authorization.release',
  authorizationConsumeMany: 'client-insurance.authorization.consume-many',
  authorizationConsumeBatch: 'client-insurance.authorization.consume-batch',
  eligibilityCheck: 'client-insurance.eligibility.check',
  eligibilityLast: 'client-insurance.eligibility.last',
  healthPing: 'client-insurance.health.ping',
} as const;

/** Durable event types (past tense), published on JetStream through the service's outbox. */
export const ClientInsuranceEventTypes = {
  clientCreated: 'client-insurance.client.created',
  clientUpdated: 'client-insurance.client.updated',
  payerCreated: 'client-insurance.payer.created',
  payerUpdated: 'client-insurance.payer.updated',
  policyCreated: 'client-insurance.policy.created',
  policyUpdated: 'client-insurance.policy.updated',
  policyRemoved: 'client-insurance.policy.removed',
  authorizationCreated: 'client-insurance.authorization.created',
  authorizationUpdated: 'client-insurance.authorization.updated',
  authorizationConsumed: 'client-insurance.authorization.consumed',
  authorizationReleased: 'client-insurance.authorization.released',
  practicePayersChanged: 'client-insurance.practice-payers.changed',
} as const;

/** Roles that may edit the shared payer directory. */
export const PAYER_EDITOR_ROLES = ['admin', 'billing_staff'] as const;
