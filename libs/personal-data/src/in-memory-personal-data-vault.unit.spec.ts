import { InMemoryPersonalDataVault } from './in-memory-personal-data-vault';
import { describeVaultContract } from './personal-data-vault.contract';

describe('InMemoryPersonalDataVault', () => {
  let vault: InMemoryPersonalDataVault;
  beforeEach(() => {
    vault = new InMemoryPersonalDataVault();
  });

  describeVaultContract(() => vault);
});
