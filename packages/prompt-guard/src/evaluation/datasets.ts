import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { readCranfieldDocuments, readCranfieldQueries } from '../../../../scripts/bench/cranfield.ts';

/**
 * The labelled sets the guard is measured on (data/prompt-guard, see its README) and the
 * Cranfield collection as ordinary questions and documents. Used by the quality test and
 * scripts/eval/prompt-guard.ts, never by the detector itself.
 */
export const GUARD_DATA_DIR = join(import.meta.dirname, '../../../../data/prompt-guard');

export interface Sample {
  id: string;
  /** The attack class or benign category the sample belongs to. */
  class: string;
  text: string;
}

export interface PassageSample extends Sample {
  kind: 'injected' | 'benign';
  title: string;
}

function readJsonl<T>(file: string): T[] {
  return readFileSync(join(GUARD_DATA_DIR, file), 'utf8')
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line, index) => {
      try {
        return JSON.parse(line) as T;
      } catch (error) {
        throw new Error(`${file}:${index + 1}: not JSON (${(error as Error).message})`, { cause: error });
      }
    });
}

/** The attack sets: `attacks` was written before the patterns, the holdouts after them. */
export const ATTACK_SETS = ['attacks', 'attacks-holdout', 'attacks-holdout-2'] as const;
export const BENIGN_SETS = ['benign', 'benign-holdout', 'benign-holdout-2'] as const;

export const readSamples = (name: string): Sample[] => readJsonl<Sample>(`${name}.jsonl`);

export const readPassages = (): PassageSample[] => readJsonl<PassageSample>('passages.jsonl');

export const cranfieldQuestions = (): Sample[] =>
  readCranfieldQueries().map((query) => ({ id: `cran-q${query.id}`, class: 'cranfield', text: query.text }));

export const cranfieldAbstracts = (): Sample[] =>
  readCranfieldDocuments().map((document) => ({ id: document.id, class: 'cranfield', text: document.text }));
