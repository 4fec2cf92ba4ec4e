import { afterAll, beforeAll, beforeEach, describe, expect, it } from '@jest/globals';
import type { GenerateV1, RetrieveV1 } from '@ragfleet/protos';
import { runWithRequestContext } from '@ragfleet/telemetry';
import { uniqueSuffix } from '@ragfleet/testing';
import {
  OLLAMA_MODEL,
  invalidFields,
  lastChatMessages,
  startConversationHarness,
  type ConversationHarness,
} from './conversation-harness.ts';

let harness: ConversationHarness;

beforeAll(async () => {
  harness = await startConversationHarness();
});

afterAll(async () => {
  await harness.close();
});

const hit = (documentId: string, title: string, text: string, score: number): RetrieveV1.SearchHit => ({
  documentId,
  chunkId: `${documentId}-0`,
  title,
  text,
  score,
  start: 0,
  end: text.length,
});

const HITS = [
  hit(
    'fees-playbook',
    'Fee playbook',
    'A drained channel earns little. Operators who raised fees on drained channels saw revenue grow 12% within 2 weeks.',
    0.91,
  ),
  hit(
    'closing-guide',
    'Closing guide',
    'Close a channel that routes nothing for a month; it frees capital.',
    0.72,
  ),
];

const ACTIONS: GenerateV1.SuggestAction[] = [
  { name: 'raise_fee', description: 'Raise the outbound fee rate on a drained channel.', category: 'fees' },
  { name: 'close_channel', description: 'Close a channel that routes nothing.', category: 'channels' },
  { name: 'improve_uptime', description: 'Keep the node online more of the time.', category: 'reliability' },
];

const SUBJECT = 'node 03a1\nlocal_balance_ratio: 0.04\nforwards_30d: 0\nuptime_ratio: 0.99';

const MODEL_JSON = JSON.stringify([
  {
    action: 'raise_fee',
    target: 'subject',
    rationale: 'Local balance is 4 % and drained channels earn more with higher fees [1].',
    revenue_delta_fraction: 0.1,
    risk: 0.2,
    effort_steps: 1,
    days_to_value: 14,
  },
]);

const suggest = (request: GenerateV1.SuggestRequest, tenant = 'acme') =>
  runWithRequestContext({ requestId: `req-${uniqueSuffix()}`, tenant }, () =>
    harness.client.suggest(request),
  );

const REQUEST: GenerateV1.SuggestRequest = {
  subject: SUBJECT,
  actions: ACTIONS,
  searchQuery: 'drained channel low routing revenue',
  k: 4,
  filters: { pack: 'lightning' },
  tier: 'standard',
};

beforeEach(() => {
  harness.setHits(HITS);
});

describe('GenerateService.Suggest', () => {
  it("returns the model's JSON as written, with the passages it was grounded in and the model's usage", async () => {
    // The JSON arrives split across tokens, as a real model streams it.
    harness.ollama.setChatBehavior({ mode: 'ok', tokens: [MODEL_JSON.slice(0, 20), MODEL_JSON.slice(20)] });
    const response = await suggest(REQUEST);
    expect(response).toEqual({
      text: MODEL_JSON,
      citations: [
        expect.objectContaining({ index: 1, documentId: 'fees-playbook', title: 'Fee playbook' }),
        expect.objectContaining({ index: 2, documentId: 'closing-guide' }),
      ],
      promptVersion: 'v1',
      provider: 'ollama',
      model: OLLAMA_MODEL,
      inputTokens: expect.any(Number),
      outputTokens: 2,
      // The test route gives the model no prices.
      costUsd: 0,
      extractive: false,
    });
    expect(response.inputTokens).toBeGreaterThan(100);
    // Retrieved for the search query, with k and filters, for the caller's tenant.
    expect(harness.searches.at(-1)).toMatchObject({
      query: REQUEST.searchQuery,
      k: 4,
      filters: { pack: 'lightning' },
    });
    expect(harness.searchTenants.at(-1)).toBe('acme');
    expect(harness.routes.at(-1)).toMatchObject({
      query: `${REQUEST.searchQuery}\n${SUBJECT}`,
      tier: 'standard',
    });
    // The versioned template: JSON only, the allowed actions, the subject and passages sealed.
    const [system, prompt, ...rest] = lastChatMessages(harness.ollama);
    expect(rest).toEqual([]);
    expect(system?.content).toContain('JSON only: one array of at most 5 objects');
    expect(system?.content).toContain('"revenue_delta_fraction"');
    expect(prompt?.content).toContain(
      '- raise_fee (fees): Raise the outbound fee rate on a drained channel.',
    );
    expect(prompt?.content).toMatch(
      /<subject seal="([0-9a-f]{16})">\nnode 03a1\n[\s\S]*<\/subject seal="\1">/,
    );
    expect(prompt?.content).toMatch(/<passage index="1" title="Fee playbook" seal="[0-9a-f]{16}">/);
    expect(prompt?.content).toContain('at most 5 suggestions');
  });

  it('returns what is not JSON unchanged: the caller validates it', async () => {
    const garbage = 'Sure! Here are some ideas:\n- raise fees maybe {not json';
    harness.ollama.setChatBehavior({ mode: 'ok', tokens: [garbage] });
    const response = await suggest({ ...REQUEST, maxSuggestions: 2 });
    expect(response).toMatchObject({ text: garbage, provider: 'ollama', extractive: false });
    expect(lastChatMessages(harness.ollama)[0]?.content).toContain('at most 2 objects');
  });

  it('offline (the extractive end of the chain), suggests the actions the passages mention, citing them', async () => {
    const response = await suggest({ ...REQUEST, tier: 'free' });
    expect(response).toMatchObject({ provider: 'extractive', model: 'extractive-v1', extractive: true });
    expect(JSON.parse(response.text)).toEqual([
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
        rationale: 'Close a channel that routes nothing for a month; it frees capital. [2]',
        revenue_delta_fraction: 0,
        risk: 0.5,
        effort_steps: 1,
        days_to_value: 30,
        citations: [2],
      },
    ]);
    expect(response.citations.map((citation) => citation.documentId)).toEqual([
      'fees-playbook',
      'closing-guide',
    ]);
  });

  it('offline with passages that mention no allowed action, writes an empty array', async () => {
    harness.setHits([
      hit('blocks', 'Blocks', 'Bitcoin blocks arrive about every ten minutes on average.', 0.4),
    ]);
    const response = await suggest({ ...REQUEST, tier: 'free' });
    expect(response).toMatchObject({ text: '[]', extractive: true });
  });

  it('falls back to the next model of the chain when the first fails before its first token', async () => {
    harness.ollama.setChatBehavior({ mode: 'fail-before-first-token', status: 500 });
    const response = await suggest(REQUEST);
    expect(response).toMatchObject({ provider: 'extractive', extractive: true });
    expect(JSON.parse(response.text)).toHaveLength(2);
  });

  it('answers PROVIDER_UNAVAILABLE when every model of the chain fails', async () => {
    harness.ollama.setChatBehavior({ mode: 'fail-before-first-token', status: 503 });
    await expect(suggest({ ...REQUEST, tier: 'local' })).rejects.toMatchObject({
      code: 'PROVIDER_UNAVAILABLE',
    });
  });

  it('refuses bad input with INVALID_ARGUMENT naming every field, before routing or retrieving', async () => {
    const searches = harness.searches.length;
    const routes = harness.routes.length;
    const error = await suggest({
      subject: ' ',
      actions: [ACTIONS[0] as GenerateV1.SuggestAction, { ...ACTIONS[0], name: 'raise_fee' }, { name: '' }],
      searchQuery: '',
      k: 51,
      tier: 'standard',
      maxSuggestions: 21,
    }).catch((caught: unknown) => caught);
    expect(error).toMatchObject({ code: 'INVALID_ARGUMENT' });
    expect(invalidFields(error)).toEqual([
      'subject',
      'search_query',
      'actions.1.name',
      'actions.2.name',
      'k',
      'max_suggestions',
    ]);
    await expect(suggest({ ...REQUEST, actions: [] })).rejects.toMatchObject({ code: 'INVALID_ARGUMENT' });
    await expect(suggest({ ...REQUEST, promptVersion: 'v9' })).rejects.toMatchObject({
      code: 'INVALID_ARGUMENT',
    });
    expect(harness.searches.length).toBe(searches);
    expect(harness.routes.length).toBe(routes);
  });

  it('passes on an unknown tier as the router refuses it', async () => {
    await expect(suggest({ ...REQUEST, tier: 'platinum' })).rejects.toMatchObject({
      code: 'INVALID_ARGUMENT',
    });
  });
});
