import { randomUUID } from 'node:crypto';
import { InvalidPersonIdError, PersonErasedError, type PersonalDataVault, type PersonalRecord } from './personal-data-vault';

/** Made-up people: the ID numbers have a valid shape but belong to nobody we know of. */
export const ZHANG: PersonalRecord = {
  idNumber: '11010519491231002X',
  name: '张三丰',
  bank: { accountName: '张三丰', accountNumber: '6222020200112233445', bankName: '中国工商银行北京分行' },
};
export const LI: PersonalRecord = { idNumber: '440308199901011234', name: '李四' };

/** The behaviour every vault shares; each adapter's spec runs it against its own vault. */
export function describeVaultContract(vault: () => PersonalDataVault): void {
  describe('vault contract', () => {
    it('returns what was put, and "absent" for a person never stored', async () => {
      const [zhang, li, nobody] = [randomUUID(), randomUUID(), randomUUID()];
      await vault().put(undefined, zhang, ZHANG);
      await vault().put(undefined, li, LI);
      expect(await vault().get(zhang)).toEqual(ZHANG);
      expect(await vault().get(li)).toStrictEqual({ idNumber: LI.idNumber, name: LI.name });
      expect(await vault().get(nobody)).toBe('absent');
    });

    it('replaces the record on a second put', async () => {
      const id = randomUUID();
      await vault().put(undefined, id, ZHANG);
      await vault().put(undefined, id, { idNumber: ZHANG.idNumber, name: '张君宝' });
      expect(await vault().get(id)).toStrictEqual({ idNumber: ZHANG.idNumber, name: '张君宝' });
    });

    it('keeps only the known fields and hands out copies', async () => {
      const id = randomUUID();
      await vault().put(undefined, id, { ...LI, note: 'stray' } as PersonalRecord);
      const first = (await vault().get(id)) as { name: string };
      first.name = '王五';
      expect(await vault().get(id)).toStrictEqual({ idNumber: LI.idNumber, name: LI.name });
    });

    it('treats an upper-case person id as the same person', async () => {
      const id = randomUUID();
      await vault().put(undefined, id.toUpperCase(), LI);
      expect(await vault().get(id)).toEqual(LI);
    });

    it('getMany answers every id asked for, keyed as given', async () => {
      const [stored, erased, absent] = [randomUUID(), randomUUID(), randomUUID()];
      await vault().put(undefined, stored, LI);
      await vault().put(undefined, erased, ZHANG);
      await vault().erase(erased);
      const found = await vault().getMany([stored, erased, absent, stored.toUpperCase()]);
      expect([...found.entries()]).toEqual([
        [stored, LI],
        [erased, 'erased'],
        [absent, 'absent'],
        [stored.toUpperCase(), LI],
      ]);
      expect((await vault().getMany([])).size).toBe(0);
    });

    it('erase makes the person "erased" for good and says whether anything was deleted', async () => {
      const id = randomUUID();
      await vault().put(undefined, id, ZHANG);
      expect(await vault().isErased(id)).toBe(false);
      expect(await vault().erase(id)).toBe(true);
      expect(await vault().get(id)).toBe('erased');
      expect(await vault().isErased(id)).toBe(true);
      expect(await vault().erase(id)).toBe(false);
      await expect(vault().put(undefined, id, ZHANG)).rejects.toBeInstanceOf(PersonErasedError);
      expect(await vault().get(id)).toBe('erased');
    });

    it('records an erasure of a person never stored, so a later put cannot bring them in', async () => {
      const id = randomUUID();
      expect(await vault().erase(id)).toBe(false);
      expect(await vault().get(id)).toBe('erased');
      await expect(vault().put(undefined, id, LI)).rejects.toBeInstanceOf(PersonErasedError);
    });

    it('erasing one person leaves another readable', async () => {
      const [zhang, li] = [randomUUID(), randomUUID()];
      await vault().put(undefined, zhang, ZHANG);
      await vault().put(undefined, li, LI);
      await vault().erase(zhang);
      expect(await vault().get(li)).toEqual(LI);
      expect(await vault().isErased(li)).toBe(false);
    });

    it('refuses a person id that is not a UUID without echoing it', async () => {
      const error = await vault().get(ZHANG.idNumber).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(InvalidPersonIdError);
      expect(String((error as Error).message)).not.toContain(ZHANG.idNumber);
      await expect(vault().put(undefined, ZHANG.name, ZHANG)).rejects.toBeInstanceOf(InvalidPersonIdError);
      await expect(vault().erase('')).rejects.toBeInstanceOf(InvalidPersonIdError);
    });

    it('refuses a record without an ID number or a name', async () => {
      await expect(vault().put(undefined, randomUUID(), { idNumber: '', name: '李四' })).rejects.toThrow(TypeError);
      await expect(vault().put(undefined, randomUUID(), { idNumber: LI.idNumber } as PersonalRecord)).rejects.toThrow(TypeError);
    });
  });
}
