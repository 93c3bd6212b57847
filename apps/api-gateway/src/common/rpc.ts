import { FactoryProvider } from '@nestjs/common';
import { NatsConnection } from 'nats';
import { RpcMapOf } from '@claimline/contracts/common';
import { PracticeSettingsRpc } from '@claimline/contracts/practice-settings';
import { ClientInsuranceRpc } from '@claimline/contracts/client-insurance';
import { EnrollmentsRpc } from '@claimline/contracts/enrollments';
import { NotificationsRpc } from '@claimline/contracts/notifications';
import { ClaimsRpc } from '@claimline/contracts/claims';
import { MessagingRpc } from '@claimline/contracts/messaging';
import { PaymentsRpc } from '@claimline/contracts/payments';
import { NATS_CONNECTION, RpcClient } from '@claimline/backend/util-nats';
import { AssertionSigner } from '@claimline/backend/util-auth';
import { GatewayEnv } from '../config/env';

/** One typed client per service contract; injected by token. */
export const PRACTICE_SETTINGS = Symbol('PRACTICE_SETTINGS');
export type PracticeSettingsClient = RpcClient<PracticeSettingsRpc>;
export const CLIENT_INSURANCE = Symbol('CLIENT_INSURANCE');
export type ClientInsuranceClient = RpcClient<ClientInsuranceRpc>;
export const ENROLLMENTS = Symbol('ENROLLMENTS');
export type EnrollmentsClient = RpcClient<EnrollmentsRpc>;
export const NOTIFICATIONS = Symbol('NOTIFICATIONS');
export type NotificationsClient = RpcClient<NotificationsRpc>;
export const CLAIMS = Symbol('CLAIMS');
export type ClaimsClient = RpcClient<ClaimsRpc>;
export const MESSAGING = Symbol('MESSAGING');
export type MessagingClient = RpcClient<MessagingRpc>;
export const PAYMENTS = Symbol('PAYMENTS');
export type PaymentsClient = RpcClient<PaymentsRpc>;

function rpcProvider<M extends RpcMapOf<M>>(token: symbol): FactoryProvider<RpcClient<M>> {
  return {
    provide: token,
    inject: [NATS_CONNECTION, GatewayEnv, AssertionSigner],
    useFactory: (nc: NatsConnection, env: GatewayEnv, signer: AssertionSigner) =>
      new RpcClient<M>(nc, env.RPC_TIMEOUT_MS, env.RPC_SUBJECT_PREFIX, signer),
  };
}

export const RPC_PROVIDERS = [
  rpcProvider<PracticeSettingsRpc>(PRACTICE_SETTINGS),
  rpcProvider<ClientInsuranceRpc>(CLIENT_INSURANCE),
  rpcProvider<EnrollmentsRpc>(ENROLLMENTS),
  rpcProvider<NotificationsRpc>(NOTIFICATIONS),
  rpcProvider<ClaimsRpc>(CLAIMS),
  rpcProvider<MessagingRpc>(MESSAGING),
  rpcProvider<PaymentsRpc>(PAYMENTS),
];

/** Services the readiness probe pings, by their health subject. */
export const SERVICE_HEALTH_SUBJECTS = [
  'practice-settings.health.ping',
  'client-insurance.health.ping',
  'enrollments.health.ping',
  'notifications.health.ping',
  'documents.health.ping',
  'claims.health.ping',
  'messaging.health.ping',
  'payments.health.ping',
];
