import { describeAppendContract } from './append.contract';
import { describeConcurrencyContract } from './concurrency.contract';
import type { EventStoreContractFactory, EventStoreContractSubject } from './contract-subject';
import { describeReadContract } from './read.contract';
import { describeSubscriptionContract } from './subscription.contract';

/**
 * The behaviour every event-store adapter must show, run against each of them. The factory is called once per
 * group below; tests write to streams of their own and read relative to the head, so they share that store.
 */
export function describeEventStoreContract(name: string, factory: EventStoreContractFactory): void {
  describe(`${name} event store contract`, () => {
    const group = (title: string, body: (subject: () => EventStoreContractSubject) => void) =>
      describe(title, () => {
        let subject: EventStoreContractSubject | undefined;
        beforeAll(async () => {
          subject = await factory();
        });
        afterAll(async () => {
          await subject?.dispose();
        });
        body(() => subject!);
      });

    group('appending', describeAppendContract);
    group('reading', describeReadContract);
    group('subscribing', describeSubscriptionContract);
    group('concurrency', describeConcurrencyContract);
  });
}
