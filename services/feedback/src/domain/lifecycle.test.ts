import { describe, expect, it } from '@jest/globals';
import { checkTransition } from './lifecycle.ts';
import { STAGES, type Stage } from './records.ts';

const callerAllowed: Array<[Stage, Stage]> = [
  ['generated', 'shown'],
  ['generated', 'applied'],
  ['generated', 'dismissed'],
  ['shown', 'applied'],
  ['shown', 'dismissed'],
];

describe('the lifecycle table', () => {
  it.each(callerAllowed)('lets a caller move %s → %s', (from, to) => {
    expect(checkTransition(from, to, 'caller')).toBe('move');
  });

  it('refuses every other move of a caller with FAILED_PRECONDITION naming from and to', () => {
    for (const from of STAGES) {
      for (const to of STAGES) {
        if (from === to || callerAllowed.some(([f, t]) => f === from && t === to)) continue;
        expect(() => checkTransition(from, to, 'caller')).toThrow(
          expect.objectContaining({
            code: 'FAILED_PRECONDITION',
            details: expect.objectContaining({ from, to }),
          }),
        );
      }
    }
  });

  it('treats the current stage again as a no-op, for caller and measurer', () => {
    for (const stage of STAGES) {
      expect(checkTransition(stage, stage, 'caller')).toBe('same');
      expect(checkTransition(stage, stage, 'measurer')).toBe('same');
    }
  });

  it('lets only the measurer measure, and only an applied one', () => {
    expect(checkTransition('applied', 'measured', 'measurer')).toBe('move');
    expect(() => checkTransition('applied', 'measured', 'caller')).toThrow(/only the measurer/);
    expect(() => checkTransition('dismissed', 'measured', 'caller')).toThrow(/only an applied/);
    expect(() => checkTransition('dismissed', 'measured', 'measurer')).toThrow(
      expect.objectContaining({ code: 'FAILED_PRECONDITION' }),
    );
    expect(() => checkTransition('shown', 'measured', 'measurer')).toThrow(
      expect.objectContaining({ code: 'FAILED_PRECONDITION' }),
    );
  });
});
