import { fold, isEmploymentOriented, labourerDecider, shanghaiDateOf, toLabourerStreamId, type CalendarDate, type Flag, type KeyGroup, type LabourerEvent } from '@skills/domain';
import { calculateLivingAllowance } from '@skills/policy';
import type { System } from '@skills/platform';
import { claimLinesOf } from './claim-lines';
import type { ClaimSource } from './claim-source';
import { cohortClaimFacts, type CohortClaimFacts } from './cohort-claim-facts';

/**
 * R-FREE-5 living allowance during R-FREE-4 training, 15 a day paid to each eligible trainee, claimed by the
 * provider for its completed order-, menu- or project-based cohort. No outcome gate applies (see releaseOf).
 */
export const livingAllowanceClaim: ClaimSource = {
  scheme: 'R-FREE-5',
  subjectKind: 'COHORT',
  async compute(system, directory, request) {
    const facts = await cohortClaimFacts(system, directory, request, { accepts: isEmploymentOriented, description: 'order-, menu- and project-based cohorts' });
    const trainees = await Promise.all(
      facts.trainees.map(async (trainee) => {
        const cardAsOf = trainingStartOf(facts, trainee.labourerId);
        return { ...trainee, cardAsOf, ...(await markersOn(system, trainee.labourerId, cardAsOf)) };
      }),
    );
    const calculation = calculateLivingAllowance({
      policy: facts.policy,
      serviceDate: facts.serviceDate,
      cohortId: facts.cohort.cohortId,
      programmeType: facts.cohort.programmeType,
      trainingDaysHeld: facts.trainingDaysHeld,
      trainees,
    });
    const lines = claimLinesOf(calculation, { claimId: request.claimId, scheme: request.scheme, subject: request.subject, period: facts.period });
    return { period: facts.period, gates: facts.gates, lines, policyVersion: calculation.policyVersion };
  },
};

/**
 * R-FREE-5: the day the trainee's training began, whose card decides eligibility (docs/decisions.md): the cohort's
 * start, or the enrolment day of a trainee who joined later.
 */
function trainingStartOf(facts: CohortClaimFacts, labourerId: string): CalendarDate {
  const enrolledOn = facts.enrolments.get(labourerId)?.enrolledOn;
  return enrolledOn !== undefined && enrolledOn > facts.cohort.startedOn ? enrolledOn : facts.cohort.startedOn;
}

async function markersOn(system: System, labourerId: string, day: CalendarDate): Promise<{ keyGroups: KeyGroup[]; flags: Flag[] }> {
  const recorded = await system.store.readStream(toLabourerStreamId(labourerId));
  return cardMarkersOn(
    recorded.map((r) => ({ event: system.catalogue.deserialise(r) as LabourerEvent, recordedOn: shanghaiDateOf(r.metadata.occurredAt) })),
    day,
  );
}

/**
 * R-FREE-5 / R-REG-4: the card's key groups and flags as they stood on `day`. A group change counts from the day it
 * was recorded (the registry keeps no other date for it), so the card a clerk changes after the training, or during
 * it, does not change who was eligible when it began. The registration always counts: it is the card itself, whenever
 * it was keyed in. An erased card keeps none, so its line is refused: nobody could be paid without the person's
 * details anyway.
 */
export function cardMarkersOn(history: readonly { readonly event: LabourerEvent; readonly recordedOn: CalendarDate }[], day: CalendarDate): { keyGroups: KeyGroup[]; flags: Flag[] } {
  const firstLater = history.findIndex(({ event, recordedOn }) => event.type === 'LabourerGroupsChanged' && recordedOn > day);
  const asOfDay = history.filter(({ event }, index) => firstLater === -1 || index < firstLater || event.type !== 'LabourerGroupsChanged');
  const card = fold(labourerDecider, asOfDay.map(({ event }) => event));
  return card.status === 'registered' ? { keyGroups: [...card.keyGroups], flags: [...card.flags] } : { keyGroups: [], flags: [] };
}
