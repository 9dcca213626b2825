import { loadConfig } from './app-config';

describe('configuration', () => {
  it('defaults to the embedded database with local accounts', () => {
    const config = loadConfig({});
    expect(config).toMatchObject({ embedded: true, seedLocalAccounts: true, PORT: 3000, RUN_WORKER: true });
  });

  it('fails fast naming each bad setting', () => {
    expect(() => loadConfig({ PORT: 'abc', LOG_LEVEL: 'loud' })).toThrow(/PORT[\s\S]*LOG_LEVEL/);
    expect(() => loadConfig({ DATABASE_URL: 'postgres://x@localhost/db' })).toThrow(/JWT_SECRET[\s\S]*PII_MASTER_KEY[\s\S]*PII_FINGERPRINT_KEY/);
  });

  it('runs on PostgreSQL without demo accounts when DATABASE_URL is set', () => {
    const config = loadConfig({ DATABASE_URL: 'postgres://x@localhost/db', JWT_SECRET: 'x'.repeat(40), PII_MASTER_KEY: 'k', PII_FINGERPRINT_KEY: 'f' });
    expect(config).toMatchObject({ embedded: false, seedLocalAccounts: false });
  });

  it('R-PAY-1 reads KAFKA_BROKERS as a list of host:port, absent by default (instructions wait in the outbox)', () => {
    expect(loadConfig({}).KAFKA_BROKERS).toBeUndefined();
    expect(loadConfig({ KAFKA_BROKERS: 'kafka-1:9092,10.0.0.7:19092' }).KAFKA_BROKERS).toEqual(['kafka-1:9092', '10.0.0.7:19092']);
    expect(() => loadConfig({ KAFKA_BROKERS: 'kafka-1' })).toThrow(/KAFKA_BROKERS: a comma-separated list of host:port/);
  });
});
