import { createEventCatalogue } from '@skills/domain';
import { InMemoryEventStore } from '@skills/event-store';
import type { SqlDatabase } from '@skills/sql';
import { Logger } from '../logging/logger';
import { startPayoutMessaging } from './payout-messaging';

describe('startPayoutMessaging (R-PAY-1)', () => {
  it('R-PAY-1 starts nothing without KAFKA_BROKERS: instructions wait in the outbox', () => {
    const lines: string[] = [];
    const started = startPayoutMessaging({ db: {} as SqlDatabase, store: new InMemoryEventStore(), catalogue: createEventCatalogue(), logger: new Logger('debug', (line) => lines.push(line)), brokers: undefined });
    expect(started).toBeUndefined();
    expect(lines).toEqual([]);
  });
});
