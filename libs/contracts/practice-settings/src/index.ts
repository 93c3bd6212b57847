export * from './lib/practice-settings.subjects';
export * from './lib/practice-settings.maps';
export * from './lib/dto/practice.dto';
export * from './lib/dto/team-member.dto';
