import { Page } from '@claimline/contracts/common';
import { EmailLogView, ListEmailsQuery } from './dto/email.dto';
import {
  PracticePreferencesQuery,
  PracticePreferencesView,
  RecipientPreferencesView,
  UpdatePreferencesCommand,
} from './dto/preferences.dto';

/** Subject → request/response, so callers' `send` is type-checked against the handler. */
export interface NotificationsRpc {
  /** Admins only. */
  'notifications.email.list': { request: ListEmailsQuery; response: Page<EmailLogView> };
  'notifications.preferences.get': { request: PracticePreferencesQuery; response: PracticePreferencesView };
  'notifications.preferences.update': {
    request: UpdatePreferencesCommand;
    response: RecipientPreferencesView;
  };
  'notifications.health.ping': { request: Record<string, never>; response: { ok: true; service: string } };
}

/** The service publishes no durable events (yet); e-mails are its only output. */
export type NotificationsEvents = Record<never, never>;
