/** Request-reply subjects (`<service>.<entity>.<verb>`), served by practice-settings-service in queue group `practice-settings`. */
export const PRACTICE_SETTINGS_SERVICE = 'practice-settings';

export const PracticeSettingsSubjects = {
  practiceCreate: 'practice-settings.practice.create',
  practiceGet: 'practice-settings.practice.get',
  practiceUpdate: 'practice-settings.practice.update',
  practiceList: 'practice-settings.practice.list',
  memberCreate: 'practice-settings.team-member.create',
  memberGet: 'practice-settings.team-member.get',
  memberUpdate: 'practice-settings.team-member.update',
  memberList: 'practice-settings.team-member.list',
  memberRemove: 'practice-settings.team-member.remove',
  locationCreate: 'practice-settings.location.create',
  locationGet: 'practice-settings.location.get',
  locationUpdate: 'practice-settings.location.update',
  locationList: 'practice-settings.location.list',
  locationRemove: 'practice-settings.location.remove',
  billingProfileGet: 'practice-settings.billing-profile.get',
  billingProfilePut: 'practice-settings.billing-profile.put',
  readinessGet: 'practice-settings.readiness.get',
  readinessGetMany: 'practice-settings.readiness.get-many',
  healthPing: 'practice-settings.health.ping',
} as const;

/** Durable event types (past tense), published on JetStream through the service's outbox. */
export const PracticeSettingsEventTypes = {
  practiceCreated: 'practice-settings.practice.created',
  practiceUpdated: 'practice-settings.practice.updated',
  memberAdded: 'practice-settings.team-member.added',
  memberUpdated: 'practice-settings.team-member.updated',
  memberRemoved: 'practice-settings.team-member.removed',
  locationAdded: 'practice-settings.location.added',
  locationUpdated: 'practice-settings.location.updated',
  locationRemoved: 'practice-settings.location.removed',
  billingProfileUpdated: 'practice-settings.billing-profile.updated',
  readinessChanged: 'practice-settings.readiness.changed',
} as const;
