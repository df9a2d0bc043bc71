import { ZxcvbnFactory } from '@zxcvbn-ts/core';
import { adjacencyGraphs, dictionary } from '@zxcvbn-ts/language-common';
import type { PasswordEstimator } from './password-rule';

// The dictionary part of the password rule (password-rule.ts), for the server only: zxcvbn-ts
// with its language-independent lists (common passwords, keyboard layouts). About 200 KB
// gzipped, so the dashboard does not load it; it is imported as '@vfr/domain/password-strength'
// and is not exported from the library's index.

let factory: ZxcvbnFactory | undefined;

/** zxcvbn's estimate; the word lists are loaded on first use. */
export const zxcvbnEstimator: PasswordEstimator = (password, userInputs) => {
  factory ??= new ZxcvbnFactory({ dictionary, graphs: adjacencyGraphs });
  const result = factory.check(password, userInputs);
  return { score: result.score, warning: result.feedback.warning };
};
