import { SnakeNamingStrategy, snakeCase } from './snake-naming.strategy';

describe('SnakeNamingStrategy', () => {
  it('snake-cases property and class names', () => {
    expect(snakeCase('practiceId')).toBe('practice_id');
    expect(snakeCase('TeamMember')).toBe('team_member');
    expect(snakeCase('organizationNPI')).toBe('organization_npi');
    const s = new SnakeNamingStrategy();
    expect(s.columnName('billingAddress', undefined, [])).toBe('billing_address');
    expect(s.columnName('line1', undefined, ['address'])).toBe('address_line1');
    expect(s.tableName('OutboxEvent', undefined)).toBe('outbox_event');
    expect(s.tableName('OutboxEvent', 'outbox')).toBe('outbox');
  });
});
