import { describe, expect, it } from '@jest/globals';
import type { NumberedPassage, SuggestContext } from '../../domain/ports.ts';
import { composeExtractiveSuggestions } from './extractive-suggestions.ts';

const passage = (index: number, text: string): NumberedPassage => ({
  index,
  documentId: `doc-${index}`,
  chunkId: `c${index}`,
  title: `Playbook ${index}`,
  text,
  score: 1 / index,
  start: 0,
  end: text.length,
});

const ACTIONS = [
  { name: 'raise_fee', description: 'Raise the outbound fee rate on a drained channel.', category: 'fees' },
  {
    name: 'rebalance_in',
    description: 'Move liquidity back into a channel whose local balance is depleted.',
    category: 'liquidity',
  },
  { name: 'close_channel', description: 'Close a channel that routes nothing.', category: 'channels' },
];

const context = (passages: NumberedPassage[], maxSuggestions = 5): SuggestContext => ({
  task: 'suggest',
  subject: 'node 03a1: local_balance_ratio 0.05, forwards_7d 120',
  actions: ACTIONS,
  passages,
  maxSuggestions,
});

describe('composeExtractiveSuggestions', () => {
  it("suggests each action a passage sentence names, quoting it, citing its passage and reading the sentence's numbers", () => {
    const suggestions = composeExtractiveSuggestions(
      context([
        passage(
          1,
          'Channels are the edges of the graph. Operators who raised fees on drained channels saw revenue grow 12% within 2 weeks.',
        ),
        passage(
          2,
          'Closing a channel that routes nothing frees its capital for better peers. It costs an on-chain fee.',
        ),
      ]),
    );
    expect(suggestions).toEqual([
      {
        action: 'raise_fee',
        target: 'subject',
        rationale: 'Operators who raised fees on drained channels saw revenue grow 12% within 2 weeks. [1]',
        revenue_delta_fraction: 0.12,
        risk: 0.5,
        effort_steps: 1,
        days_to_value: 14,
        citations: [1],
      },
      {
        action: 'close_channel',
        target: 'subject',
        rationale: 'Closing a channel that routes nothing frees its capital for better peers. [2]',
        revenue_delta_fraction: 0,
        risk: 0.5,
        effort_steps: 1,
        days_to_value: 30,
        citations: [2],
      },
    ]);
  });

  it("matches an action by its description's keywords when the sentence does not name it", () => {
    const [suggestion, ...rest] = composeExtractiveSuggestions(
      context([
        passage(3, 'When the local balance is depleted, move liquidity back with a circular payment.'),
      ]),
    );
    expect(rest).toEqual([]);
    expect(suggestion).toMatchObject({ action: 'rebalance_in', citations: [3] });
  });

  it('reads a stated fall as a negative revenue change', () => {
    const [suggestion] = composeExtractiveSuggestions(
      context([passage(1, 'If you raise the fee too far, routed revenue fell by 30% in our tests.')]),
    );
    expect(suggestion).toMatchObject({ action: 'raise_fee', revenue_delta_fraction: -0.3 });
  });

  it('returns nothing when no sentence mentions an allowed action, nor for no passages', () => {
    expect(
      composeExtractiveSuggestions(
        context([passage(1, 'Bitcoin blocks arrive about every ten minutes on average.')]),
      ),
    ).toEqual([]);
    expect(composeExtractiveSuggestions(context([]))).toEqual([]);
  });

  it('keeps the strongest matches up to max_suggestions, in the order the actions were given', () => {
    const passages = [
      passage(1, 'Close the channel when it routes nothing for a month.'),
      passage(2, 'Raise the fee of a drained channel before you rebalance.'),
    ];
    const all = composeExtractiveSuggestions(context(passages));
    expect(all.map((s) => s.action)).toEqual(['raise_fee', 'rebalance_in', 'close_channel']);
    // rebalance_in is named by one word only ("in" carries nothing): the weakest match goes first.
    const two = composeExtractiveSuggestions(context(passages, 2));
    expect(two.map((s) => s.action)).toEqual(['raise_fee', 'close_channel']);
    // Deterministic: the same input, the same output.
    expect(composeExtractiveSuggestions(context(passages, 2))).toEqual(two);
  });

  it('takes the first sentence in passage order when two mention an action as strongly', () => {
    const [suggestion] = composeExtractiveSuggestions(
      context([passage(1, 'Raise the fee slowly.'), passage(2, 'Raise the fee at night.')]),
    );
    expect(suggestion).toMatchObject({ rationale: 'Raise the fee slowly. [1]', citations: [1] });
  });
});
