import { DomainError, ValidationFailed } from '@skills/domain';
import { z } from 'zod';
import { toErrorResponse } from './error-response';
import { parseInput } from './parse-input';

describe('error responses', () => {
  it('maps each kind of domain error to its status with a stable code', () => {
    const cases: [DomainError, number][] = [
      [new ValidationFailed([{ field: 'a', message: 'is required' }]), 400],
      [new DomainError('X.AUTH', 'log in', 'unauthenticated'), 401],
      [new DomainError('X.ROLE', 'no', 'forbidden'), 403],
      [new DomainError('X.NONE', 'missing', 'not_found'), 404],
      [new DomainError('X.DUP', 'twice', 'conflict', { existingLabourerId: 'id-1' }), 409],
      [new DomainError('X.RULE', 'broke', 'rule'), 422],
    ];
    for (const [error, status] of cases) {
      const response = toErrorResponse(error, 'c-1');
      expect(response.status).toBe(status);
      expect(response.body.error).toMatchObject({ code: error.code, message: error.message, correlationId: 'c-1' });
    }
    expect(toErrorResponse(cases[4]![0], 'c').body.error.details).toEqual({ existingLabourerId: 'id-1' });
  });

  it('turns an unknown error into a bare 500 that repeats nothing of it', () => {
    const response = toErrorResponse(new Error('duplicate key value (110105199003071239) violates'), 'c-2');
    expect(response.status).toBe(500);
    expect(JSON.stringify(response.body)).not.toContain('110105');
    expect(response.body.error.code).toBe('INTERNAL');
  });

  it('lists every bad field without echoing the value', () => {
    const schema = z.strictObject({ idNumber: z.string().length(18), category: z.enum(['A', 'B']), months: z.number().int().min(0) });
    let thrown: unknown;
    try {
      parseInput(schema, { idNumber: '1101051990', category: 'C', months: -1, extra: true });
    } catch (error) {
      thrown = error;
    }
    const { status, body } = toErrorResponse(thrown, 'c-3');
    expect(status).toBe(400);
    expect(body.error.issues?.map((i) => i.field).sort()).toEqual(['(body)', 'category', 'idNumber', 'months']);
    expect(body.error.issues?.find((i) => i.field === 'category')?.message).toBe('must be one of: A, B');
    expect(JSON.stringify(body)).not.toContain('1101051990');
  });
});
