import { shanghaiDateOf } from '@skills/domain';
import { FINANCE_TOPICS } from '@skills/messaging';
import { mockKafkaClient, startMockKafka, type MockKafka } from '@skills/messaging/testing';
import { JCCQ_2020_12 } from '@skills/policy';
import { startPayoutMessaging } from '@skills/platform';
import { labourerRegistrar } from './labourers';
import { expectReply, postKeyed, type CertificationClaimKit } from './review-claims';
import { enterpriseWithAccount } from './scheme-claims';
import { startTestApp, type TestApp } from './test-app';

/** The accounts the payout e2e specs (R-PAY-1) work with, and the kit that files certification claims for the organiser. */
export interface PayoutActors {
  kit: CertificationClaimKit;
  organiser: { id: string; token: string };
  reviewer: string;
  approver: string;
}

export interface PayoutActorOptions {
  /** The organising enterprise's account name: one a spec, so specs sharing a database do not collide. */
  organiser: string;
  /** The trainees the registrar records; firstSequence keeps their resident ids apart between specs. */
  trainees: { name: string; born: string; firstSequence: number };
  /** 0: publish a policy version effective today with no notice period, so an approval releases at once (R-CLAIM-3). */
  noticeDays?: 0;
}

/**
 * Logs in a reviewer and an approver, creates the organising enterprise (120 staff, insured, in the first
 * subdistrict) and an evaluation body, and returns the kit for certification claims paid to that enterprise.
 */
export async function payoutActors(app: TestApp, options: PayoutActorOptions): Promise<PayoutActors> {
  const admin = await app.login('admin');
  const [reviewer, approver] = await Promise.all([app.login('reviewer'), app.login('approver')]);
  const nancun = app.directory.subdistrictList()[0]!.subdistrictId;
  const organiser = await enterpriseWithAccount(app, admin, options.organiser, { subdistrictId: nancun, headcount: 120, insured: true });
  const evaluationBodyId = (await expectReply(postKeyed(app, '/api/evaluation-bodies', admin, { name: '城区职业技能评价站', kind: 'VOCATIONAL_SCHOOL', subdistrictId: nancun }), 201)).evaluationBodyId as string;
  const kit = { app, admin, evaluationBodyId, registrar: labourerRegistrar(app, admin, { subdistrictId: nancun, ...options.trainees }) };
  if (options.noticeDays === 0) {
    const today = shanghaiDateOf(new Date().toISOString());
    const version2 = { ...JCCQ_2020_12, version: 2, effectiveFrom: today, parameters: { ...JCCQ_2020_12.parameters, review: { noticeDays: 0, serviceLevelWorkingDays: 5, holidays: [] } } };
    await expectReply(postKeyed(app, '/api/policies', admin, version2), 201);
  }
  return { kit, organiser, reviewer, approver };
}

/**
 * A mock Kafka cluster (librdkafka's) with finance's topics and a test app whose payout messaging (relay and answer
 * consumer) runs against it: what startProjections does with KAFKA_BROKERS, with the test-only client for the mock's
 * controller id.
 */
export async function appWithMockFinanceBroker(): Promise<{ mock: MockKafka; app: TestApp }> {
  const mock = await startMockKafka({
    brokers: 1,
    topics: [
      { name: FINANCE_TOPICS.payoutInstructions, partitions: 3 },
      { name: FINANCE_TOPICS.payoutAnswers, partitions: 2 },
      { name: FINANCE_TOPICS.payoutAnswersDeadLetter, partitions: 1 },
    ],
  });
  const app = await startTestApp().catch(async (error: unknown) => {
    await mock.stop();
    throw error;
  });
  app.system.payouts = startPayoutMessaging({ db: app.system.db, store: app.system.store, catalogue: app.system.catalogue, logger: app.system.logger, brokers: mock.brokers, kafka: mockKafkaClient(mock) });
  return { mock, app };
}

/** Reads until done says yes: relay, broker and consumer work on their own, so a test waits for what they do. */
export async function eventually<T>(what: string, read: () => Promise<T>, done: (value: T) => boolean, timeoutMs = 30_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await read();
    if (done(value)) return value;
    if (Date.now() > deadline) throw new Error(`${what}: still ${JSON.stringify(value)}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}
