import { BaseServiceEnv } from '@claimline/backend/util-config';

export class PracticeSettingsEnv extends BaseServiceEnv {}

export const SERVICE_NAME = 'practice-settings';
export const SCHEMA = 'practice_settings';
