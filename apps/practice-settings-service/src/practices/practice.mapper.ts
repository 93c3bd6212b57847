import { addressFromColumns } from '@claimline/backend/util-persistence';
import type { PracticeView, TeamMemberView } from '@claimline/contracts/practice-settings';
import { PracticeEntity } from './entities/practice.entity';
import { TeamMemberEntity } from './entities/team-member.entity';

export function toPracticeView(p: PracticeEntity): PracticeView {
  return {
    id: p.id,
    type: p.type,
    name: p.name,
    legalName: p.legalName,
    phone: p.phone,
    email: p.email,
    address: addressFromColumns(p.address),
    secureMessagingEnabled: p.secureMessagingEnabled,
    settingsComplete: p.settingsComplete,
    version: p.version,
    createdAt: p.createdAt.toISOString(),
    updatedAt: p.updatedAt.toISOString(),
  };
}

export function toTeamMemberView(m: TeamMemberEntity): TeamMemberView {
  return {
    id: m.id,
    practiceId: m.practiceId,
    firstName: m.firstName,
    lastName: m.lastName,
    email: m.email,
    role: m.role,
    credentials: m.credentials,
    npi: m.npi,
    taxonomyCode: m.taxonomyCode,
    secureMessagingEnabled: m.secureMessagingEnabled,
    version: m.version,
    createdAt: m.createdAt.toISOString(),
    updatedAt: m.updatedAt.toISOString(),
  };
}
