import { Injectable, type PipeTransform } from '@nestjs/common';
import { DomainError } from '@skills/domain';
import { z } from 'zod';

/** A path id that is not a UUID names nothing: 404, never a 500 from a stream-id check deeper down. */
@Injectable()
export class UuidOr404 implements PipeTransform<string, string> {
  transform(value: string): string {
    if (!z.uuid().safeParse(value).success) throw new DomainError('HTTP.NOT_FOUND', 'Nothing has this id: check it', 'not_found');
    return value.toLowerCase();
  }
}
