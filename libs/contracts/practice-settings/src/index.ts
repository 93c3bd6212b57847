export * from './lib/practice-settings.subjects';
export * from './lib/practice-settings.maps';
export * from './lib/validators';
export * from './lib/readiness';
export * from './lib/dto/practice.dto';
export * from './lib/dto/team-member.dto';
export * from './lib/dto/location.dto';
export * from './lib/dto/billing-profile.dto';
