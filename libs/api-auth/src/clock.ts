import { Injectable } from '@nestjs/common';

/**
 * The time the session rules read (token issue, idle and absolute limits), in one replaceable
 * place: the specs move it forward by hours instead of waiting for them.
 */
@Injectable()
export class Clock {
  now(): number {
    return Date.now();
  }
}
