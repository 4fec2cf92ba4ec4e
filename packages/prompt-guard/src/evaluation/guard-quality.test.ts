import { describe, expect, it } from '@jest/globals';
import { inspectText } from '../detector.ts';
import {
  ATTACK_SETS,
  BENIGN_SETS,
  cranfieldAbstracts,
  cranfieldQuestions,
  readPassages,
  readSamples,
} from './datasets.ts';
import { measureDetection, measureFalsePositives } from './measure.ts';

/**
 * The guard's quality floor on the committed sets: at least 90 % of the attack variants flagged,
 * at most 1 % of ordinary questions and documents flagged. scripts/eval/prompt-guard.ts prints the
 * same figures per class with the misses.
 */
describe('prompt guard quality on the committed sets', () => {
  const attacks = ATTACK_SETS.flatMap(readSamples);
  const benign = [...BENIGN_SETS.flatMap(readSamples), ...cranfieldQuestions()];

  it('has sets of the promised size: 100+ attacks, 225 Cranfield queries and 100+ written questions', () => {
    expect(readSamples('attacks').length).toBeGreaterThanOrEqual(100);
    expect(cranfieldQuestions()).toHaveLength(225);
    expect(readSamples('benign').length).toBeGreaterThanOrEqual(100);
  });

  it('flags at least 90 % of the attacks, and at least 80 % of every class', () => {
    const report = measureDetection(attacks, inspectText);
    expect(report.rate).toBeGreaterThanOrEqual(0.9);
    for (const [name, { rate }] of Object.entries(report.byClass)) {
      expect({ class: name, rate: rate >= 0.8 }).toEqual({ class: name, rate: true });
    }
  });

  it('flags at most 1 % of ordinary questions (written ones and the Cranfield queries)', () => {
    expect(measureFalsePositives(benign, inspectText).rate).toBeLessThanOrEqual(0.01);
  });

  it('flags the injected passages, not the ordinary ones, and at most 1 % of the Cranfield abstracts', () => {
    const passages = readPassages();
    const injected = passages.filter((passage) => passage.kind === 'injected');
    const ordinary = passages.filter((passage) => passage.kind === 'benign');
    const withTitle = (sample: (typeof passages)[number]) => ({
      ...sample,
      text: `${sample.title}\n${sample.text}`,
    });
    expect(measureDetection(injected.map(withTitle), inspectText).misses).toEqual([]);
    expect(measureFalsePositives(ordinary.map(withTitle), inspectText).flagged).toEqual([]);
    expect(measureFalsePositives(cranfieldAbstracts(), inspectText).rate).toBeLessThanOrEqual(0.01);
  });
});
