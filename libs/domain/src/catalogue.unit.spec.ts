import { outcomeEvents } from './outcomes/outcomes.catalogue';
import { policyEvents } from './policy/policy.catalogue';
import { registryEvents } from './registry/registry.catalogue';
import { trainingEvents } from './training/training.catalogue';
import { enterpriseSchemeEvents } from './enterprise-schemes/enterprise-schemes.catalogue';
import { certificationSchemeEvents } from './certification-schemes/certification-schemes.catalogue';
import { createEventCatalogue } from './catalogue';

describe('the event catalogue', () => {
  const all = [...registryEvents, ...trainingEvents, ...outcomeEvents, ...policyEvents, ...enterpriseSchemeEvents, ...certificationSchemeEvents];

  it('has one definition per stored name across modules (a clash would silently replace a schema)', () => {
    const names = all.map((d) => `${d.type}.v${d.version}`);
    expect(new Set(names).size).toBe(names.length);
  });

  it('knows every module\'s events', () => {
    const catalogue = createEventCatalogue();
    for (const definition of all) expect(catalogue.knows(definition.type)).toBe(true);
    expect(catalogue.knows('NoSuchEvent')).toBe(false);
  });
});
