import { describe, expect, it } from '@jest/globals';
import type { ChatMessage } from '../../domain/ports.ts';
import { EXTRACTIVE_SUMMARY_PREFIX, composeExtractiveSummary } from './extractive-summary.ts';
import { countWords } from './terms.ts';

const user = (content: string): ChatMessage => ({ role: 'user', content });
const assistant = (content: string): ChatMessage => ({ role: 'assistant', content });

const TOPICS = [
  'retries',
  'timeouts',
  'sharding',
  'backups',
  'quotas',
  'tracing',
  'billing',
  'webhooks',
  'caching',
  'alerts',
  'exports',
  'audit logs',
  'tokens',
  'regions',
  'replicas',
  'failover',
  'migrations',
  'dashboards',
  'indexes',
  'rate limits',
  'encryption',
  'schedules',
  'archives',
  'roles',
  'plugins',
  'queues',
  'snapshots',
  'templates',
  'filters',
];

/** Sixty messages: the first states the facts the conversation is about, the rest move on. */
function conversation(): ChatMessage[] {
  const messages = [
    user('Which plan fits the Zephyr migration with a budget of 40,000 euros?'),
    assistant('The Team plan fits a 40,000 euro budget for Zephyr [1]. It includes five seats.'),
  ];
  for (const [i, topic] of TOPICS.entries()) {
    messages.push(user(`Thanks. How does the Team plan handle ${topic} in week ${i + 2}?`));
    messages.push(assistant(`The Team plan handles ${topic} per project [${(i % 3) + 1}]. Details follow.`));
  }
  return messages;
}

describe('composeExtractiveSummary', () => {
  it('keeps the facts of message 1 after 60 messages folded 15 at a time', () => {
    const messages = conversation();
    expect(messages).toHaveLength(60);
    let summary = '';
    for (let fold = 0; fold < 4; fold++) {
      const batch = messages.slice(fold * 15, fold * 15 + 15);
      summary = composeExtractiveSummary(summary, batch, 200);
      expect(summary.startsWith(EXTRACTIVE_SUMMARY_PREFIX)).toBe(true);
      expect(countWords(summary)).toBeLessThanOrEqual(200);
      // Message 1's facts, through every fold...
      expect(summary).toContain('Zephyr migration with a budget of 40,000 euros');
      // ...and the newest batch is in it too: the summary moves on.
      const question = batch.find((m) => m.role === 'user')?.content.replace(/^Thanks\. /, '');
      expect(summary).toContain(`User asked: ${question}`);
    }
    expect(summary).toContain('User asked: Which plan fits the Zephyr migration');
    expect(summary).toContain('Assistant: The Team plan fits a 40,000 euro budget for Zephyr.');
  });

  it('quotes user questions and the first sentence of each reply, without citation markers', () => {
    const summary = composeExtractiveSummary(
      '',
      [
        user('We run Redis 7 in two regions. Does the session store need Redis Cluster?'),
        assistant('No, one primary is enough [2][3]. Cluster mode is not supported.'),
        user('We run Redis 7 in two regions. The gateway sits in Frankfurt and answers the EU tenants.'),
      ],
      200,
    );
    expect(summary).toBe(
      `${EXTRACTIVE_SUMMARY_PREFIX}User asked: Does the session store need Redis Cluster? ` +
        'Assistant: No, one primary is enough. ' +
        'User said: The gateway sits in Frankfurt and answers the EU tenants.',
    );
  });

  it('never repeats a point, whoever said it and in which fold', () => {
    const question = user('What is the default TTL of a session?');
    const first = composeExtractiveSummary('', [question, assistant('It is 30 minutes.')], 200);
    const second = composeExtractiveSummary(first, [question, question, assistant('It is 30 minutes.')], 200);
    expect(second).toBe(first);
    expect(second.match(/default TTL/g)).toHaveLength(1);
  });

  it('puts the earlier summary first, also when a model wrote it, and stays within the budget', () => {
    const previous =
      'The user compared HNSW and IVF indexes. They agreed on HNSW for latency. The user worried about memory.';
    const messages = Array.from({ length: 15 }, (_, i) =>
      user(`Could question number ${i} about memory pressure on node ${i} be answered with more words here?`),
    );
    const summary = composeExtractiveSummary(previous, messages, 70);
    expect(countWords(summary)).toBeLessThanOrEqual(70);
    expect(summary.startsWith(`${EXTRACTIVE_SUMMARY_PREFIX}${previous} User asked:`)).toBe(true);
    expect(summary).toContain('User asked: Could question number 0');
    // The budget ran out mid-point: the last one is cut, visibly.
    expect(summary.endsWith('...')).toBe(true);
  });

  it('gives the earlier summary about half the budget when the new messages need the rest', () => {
    const previous = Array.from({ length: 30 }, (_, i) => `Point ${i} was settled early on.`).join(' ');
    const messages = Array.from({ length: 15 }, (_, i) => user(`Why does service ${i} restart nightly?`));
    const summary = composeExtractiveSummary(`${EXTRACTIVE_SUMMARY_PREFIX}${previous}`, messages, 100);
    const earlier = summary.match(/Point \d+ was settled early on\./g) ?? [];
    expect(earlier[0]).toBe('Point 0 was settled early on.');
    expect(earlier.length * 6).toBeLessThanOrEqual(48);
    expect(earlier.length * 6).toBeGreaterThanOrEqual(40);
    expect(summary).toContain('User asked: Why does service 0 restart nightly?');
    expect(countWords(summary)).toBeLessThanOrEqual(100);
  });

  it('is deterministic', () => {
    const messages = conversation().slice(0, 15);
    expect(composeExtractiveSummary('', messages, 120)).toBe(composeExtractiveSummary('', messages, 120));
  });
});
