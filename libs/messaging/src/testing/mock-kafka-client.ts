import type { Kafka, RetryOptions } from 'kafkajs';
import { createKafka } from '../kafka/kafka-client';
import { mockControllerSocketFactory } from './mock-controller-socket';
import type { MockKafka } from './mock-kafka';

/** TEST ONLY: the production client settings plus the mock's controller-id fallback (mock-controller-socket.ts). */
export function mockKafkaClient(mock: Pick<MockKafka, 'brokers'>, options: { clientId?: string; retry?: RetryOptions } = {}): Kafka {
  return createKafka({ brokers: mock.brokers, clientId: options.clientId ?? 'skills-claims-test', socketFactory: mockControllerSocketFactory(), ...(options.retry ? { retry: options.retry } : {}) });
}
