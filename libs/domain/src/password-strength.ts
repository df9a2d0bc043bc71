import { ZxcvbnFactory } from '@zxcvbn-ts/core';
import { adjacencyGraphs, dictionary } from '@zxcvbn-ts/language-common';
import type { PasswordEstimator } from './password-rule';

// The dictionary part of the password rule (password-rule.ts), for the server only: zxcvbn-ts
// with its language-independent lists (common passwords, keyboard layouts). About 200 KB
// gzipped, so the dashboard does not load it; it is imported as '@vfr/domain/password-strength'
// and is not exported from the library's index.

// zxcvbn's warnings, as the clause the password rule's message gives.
const REASONS: Record<string, string> = {
  topTen: 'it is one of the most common passwords',
  topHundred: 'it is one of the most common passwords',
  common: 'it is a common password',
  similarToCommon: 'it is a common password with small changes',
  pwned: 'it is a common password',
  wordByItself: 'it is a single word',
  namesByThemselves: 'it is a name',
  commonNames: 'it is a common name',
  userInputs: 'it contains your email or name',
  simpleRepeat: 'it repeats characters',
  extendedRepeat: 'it repeats a pattern',
  sequences: 'it is a sequence such as abc or 123',
  keyPattern: 'it follows a keyboard pattern',
  straightRow: 'it is a row of the keyboard',
  recentYears: 'it relies on a year',
  dates: 'it relies on a date',
};

let factory: ZxcvbnFactory | undefined;

/** zxcvbn's estimate; the word lists are loaded on first use. */
export const zxcvbnEstimator: PasswordEstimator = (password, userInputs) => {
  factory ??= new ZxcvbnFactory({ dictionary, graphs: adjacencyGraphs });
  const result = factory.check(password, userInputs);
  const warning = result.feedback.warning ?? '';
  return { score: result.score, why: REASONS[warning] ?? null };
};
