/** Request-reply subjects (`<service>.<entity>.<verb>`), served by notifications-service in queue group `notifications`. */
export const NOTIFICATIONS_SERVICE = 'notifications';

export const NotificationsSubjects = {
  emailList: 'notifications.email.list',
  preferencesGet: 'notifications.preferences.get',
  preferencesUpdate: 'notifications.preferences.update',
  healthPing: 'notifications.health.ping',
} as const;

/**
 * Kinds of notification a recipient can switch on or off. Each consumed event type maps to one
 * kind in the service's registry; a kind not in a recipient's preferences is on.
 */
export const NOTIFICATION_KINDS = ['enrollment-status', 'secure-message'] as const;
export type NotificationKind = (typeof NOTIFICATION_KINDS)[number];

export const NOTIFICATION_KIND_LABELS: Readonly<Record<NotificationKind, string>> = {
  'enrollment-status': 'Enrollment status changes (accepted, rejected, document required)',
  'secure-message': 'A secure message not read within the delay (no content, just a link)',
};

/** Life of one e-mail: waiting (or retrying) → sent, or failed for good. */
export const EMAIL_STATUSES = ['pending', 'sent', 'failed'] as const;
export type EmailStatus = (typeof EMAIL_STATUSES)[number];
