import { DataSourceOptions } from 'typeorm';
import { serviceDataSourceOptions } from '@claimline/backend/util-persistence';
import { EVENT_ENTITIES } from '@claimline/backend/util-nats';
import { AuthorizationEntity } from '../authorizations/entities/authorization.entity';
import { AuthorizationUseEntity } from '../authorizations/entities/authorization-use.entity';
import { ClientEntity } from '../clients/entities/client.entity';
import { PayerEntity } from '../payers/entities/payer.entity';
import { PayerSeedEntity } from '../payers/entities/payer-seed.entity';
import { SeedVersionEntity } from '../payers/entities/seed-version.entity';
import { PolicyEntity } from '../policies/entities/policy.entity';
import { PolicyCardEntity } from '../policies/entities/policy-card.entity';
import { PracticePayerSetEntity } from '../policies/entities/practice-payer-set.entity';
import { PracticeRefEntity } from '../practices/entities/practice-ref.entity';
import { EligibilityCheckEntity } from '../eligibility/entities/eligibility-check.entity';
import { Initial1764316800000 } from './migrations/1764316800000-initial';
import { PolicyCards1779100000000 } from './migrations/1779100000000-policy-cards';
import { PayerSeedVersion1779200000000 } from './migrations/1779200000000-payer-seed-version';
import { OutboxTraceContext1796256000000 } from './migrations/1796256000000-outbox-trace-context';
import { EligibilityChecks1780100000000 } from './migrations/1780100000000-eligibility-checks';
import { SCHEMA } from '../config/env';

export function clientInsuranceDataSourceOptions(url: string): DataSourceOptions {
  return serviceDataSourceOptions({
    url,
    schema: SCHEMA,
    entities: [
      ClientEntity,
      PayerEntity,
      PolicyEntity,
      AuthorizationEntity,
      AuthorizationUseEntity,
      PolicyCardEntity,
      PracticePayerSetEntity,
      PracticeRefEntity,
      SeedVersionEntity,
      PayerSeedEntity,
      EligibilityCheckEntity,
      ...EVENT_ENTITIES,
    ],
    migrations: [
      Initial1764316800000,
      PolicyCards1779100000000,
      PayerSeedVersion1779200000000,
      EligibilityChecks1780100000000,
      OutboxTraceContext1796256000000,
    ],
    applicationName: 'client-insurance-service',
  });
}
