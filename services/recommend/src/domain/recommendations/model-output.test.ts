import { describe, expect, it } from '@jest/globals';
import { parseModelOutput } from './model-output.ts';

const actions = [
  { name: 'raise_fee', description: 'Raise the fee.', category: 'fees' },
  { name: 'rebalance_in', description: 'Move liquidity in.', category: 'liquidity' },
];

describe('parseModelOutput', () => {
  it('keeps valid suggestions with their category and optional effects', () => {
    const text = JSON.stringify([
      {
        action: 'raise_fee',
        target: 'channel:a',
        rationale: 'Busy and cheap.',
        revenue_delta_fraction: 0.1,
        effort_steps: 1,
      },
      { action: 'rebalance_in', target: 'channel:b', rationale: 'Drained.' },
    ]);
    expect(parseModelOutput(text, actions)).toEqual({
      suggestions: [
        {
          action: 'raise_fee',
          category: 'fees',
          target: 'channel:a',
          rationale: 'Busy and cheap.',
          revenueDeltaFraction: 0.1,
          steps: 1,
        },
        { action: 'rebalance_in', category: 'liquidity', target: 'channel:b', rationale: 'Drained.' },
      ],
      dropped: [],
    });
  });

  it('reads through a ```json fence', () => {
    const text = '```json\n[{"action":"raise_fee","target":"channel:a","rationale":"r"}]\n```';
    expect(parseModelOutput(text, actions).suggestions).toHaveLength(1);
  });

  it.each([
    ['prose', 'I would raise fees.', ['not_json']],
    ['truncated JSON', '[{"action":"raise_fee"', ['not_json']],
    ['an object, not an array', '{"action":"raise_fee","target":"a","rationale":"r"}', ['wrong_shape']],
    ['an element without a rationale', '[{"action":"raise_fee","target":"a"}]', ['wrong_shape']],
    ['a risk above 1', '[{"action":"raise_fee","target":"a","rationale":"r","risk":2}]', ['wrong_shape']],
    [
      'a string where a number belongs',
      '[{"action":"raise_fee","target":"a","rationale":"r","effort_steps":"1"}]',
      ['wrong_shape'],
    ],
    ['an action not allowed', '[{"action":"sell_node","target":"a","rationale":"r"}]', ['unknown_action']],
  ])('drops %s and says why', (_name, text, reasons) => {
    expect(parseModelOutput(text, actions)).toEqual({ suggestions: [], dropped: reasons });
  });

  it('drops only the bad elements of an array', () => {
    const text = JSON.stringify([
      { action: 'raise_fee', target: 'a', rationale: 'r' },
      { action: 'nope', target: 'a', rationale: 'r' },
      42,
    ]);
    const parsed = parseModelOutput(text, actions);
    expect(parsed.suggestions.map((s) => s.target)).toEqual(['a']);
    expect(parsed.dropped).toEqual(['unknown_action', 'wrong_shape']);
  });
});
