import { afterEach, beforeEach, describe, expect, it } from '@jest/globals';
import type { FeedbackStore } from './feedback-store.ts';
import type { RecommendationRecord, Snapshot, SubjectRecord, WeightsVersion } from './records.ts';

export interface FeedbackStoreUnderTest {
  store: FeedbackStore;
  /** A second store on the same data (a restart, or another replica); absent for memory. */
  reopen?: () => Promise<FeedbackStore>;
  cleanup(): Promise<void>;
}

export function subjectRecord(
  tenant: string,
  id: string,
  createdAt = '2026-01-01T00:00:00.000Z',
): SubjectRecord {
  return { tenant, id, pack: 'lightning', name: id, labels: { region: 'eu' }, createdAt, snapshotCount: 0 };
}

export function snapshotAt(observedAt: string, revenue: number): Snapshot {
  return {
    observedAt,
    subject: { routing_revenue_sat_30d: revenue, forward_success_rate: 0.9 },
    collections: { channel: [{ id: 'c1', metrics: { local_ratio: 0.5 } }] },
  };
}

export function recommendationRecord(
  tenant: string,
  id: string,
  fields: Partial<RecommendationRecord> = {},
  generatedAt = '2026-01-01T00:00:00.000Z',
): RecommendationRecord {
  return {
    tenant,
    recommendation: {
      id,
      subjectId: 'node-1',
      category: 'fees',
      action: 'raise_fee',
      target: 'c1',
      description: 'Raise the fee',
      source: 'rule',
      ruleIds: ['r1'],
      inputs: { 'channel.local_ratio': 0.1 },
      effects: { risk: 0.2 },
      score: 70,
      priority: 'HIGH',
      confidence: 0.8,
      reasoning: 'because',
      factors: [{ name: 'revenue_impact', value: 0.7, weight: 0.3, hasInput: true }],
      weightsVersion: 'seed-1',
      generatedAt,
      grounding: [],
    },
    stage: 'generated',
    history: [{ stage: 'generated', at: generatedAt, actor: 'recommend' }],
    measureAttempts: 0,
    revision: 1,
    ...fields,
  };
}

function weightsVersion(version: string, sequence: number): WeightsVersion {
  return {
    version,
    sequence,
    factors: {
      revenue_impact: 0.3,
      ease_of_implementation: 0.2,
      risk_level: 0.15,
      time_to_value: 0.15,
      data_confidence: 0.1,
      network_conditions: 0.1,
    },
    createdAt: '2026-01-01T00:00:00.000Z',
    origin: sequence === 1 ? 'seed' : 'fit',
    active: false,
  };
}

/** What every FeedbackStore adapter must do; run against each one. */
export function feedbackStoreContract(name: string, create: () => Promise<FeedbackStoreUnderTest>): void {
  describe(`FeedbackStore contract: ${name}`, () => {
    let fixture: FeedbackStoreUnderTest;
    let store: FeedbackStore;
    beforeEach(async () => {
      fixture = await create();
      store = fixture.store;
    });
    afterEach(async () => {
      await fixture.cleanup();
    });

    it('creates a subject once per tenant id, and keeps tenants apart', async () => {
      expect(await store.createSubject(subjectRecord('acme', 'node-1'))).toBe(true);
      expect(await store.createSubject(subjectRecord('acme', 'node-1'))).toBe(false);
      expect(await store.createSubject(subjectRecord('globex', 'node-1'))).toBe(true);
      expect(await store.getSubject('acme', 'node-1')).toMatchObject({
        tenant: 'acme',
        labels: { region: 'eu' },
      });
      expect(await store.getSubject('initech', 'node-1')).toBeUndefined();
    });

    it('lists subjects newest first within the limit', async () => {
      await store.createSubject(subjectRecord('acme', 'a', '2026-01-01T00:00:00.000Z'));
      await store.createSubject(subjectRecord('acme', 'b', '2026-01-02T00:00:00.000Z'));
      await store.createSubject(subjectRecord('acme', 'c', '2026-01-03T00:00:00.000Z'));
      await store.createSubject(subjectRecord('globex', 'd', '2026-01-04T00:00:00.000Z'));
      expect((await store.listSubjects('acme', 2)).map((s) => s.id)).toEqual(['c', 'b']);
    });

    it('keeps snapshots in time order, one per observedAt, and finds before and after a time', async () => {
      await store.createSubject(subjectRecord('acme', 'node-1'));
      expect(
        await store.addSnapshot('acme', 'unknown', snapshotAt('2026-01-01T00:00:00.000Z', 1)),
      ).toBeUndefined();
      await store.addSnapshot('acme', 'node-1', snapshotAt('2026-01-05T00:00:00.000Z', 500));
      await store.addSnapshot('acme', 'node-1', snapshotAt('2026-01-01T00:00:00.000Z', 100));
      const subject = await store.addSnapshot('acme', 'node-1', snapshotAt('2026-01-03T00:00:00.000Z', 300));
      expect(subject).toMatchObject({ snapshotCount: 3, metricsObservedAt: '2026-01-05T00:00:00.000Z' });
      const again = await store.addSnapshot('acme', 'node-1', snapshotAt('2026-01-03T00:00:00.000Z', 333));
      expect(again?.snapshotCount).toBe(3);
      expect((await store.latestSnapshot('acme', 'node-1'))?.subject.routing_revenue_sat_30d).toBe(500);
      expect(
        (await store.snapshotAtOrBefore('acme', 'node-1', '2026-01-03T00:00:00.000Z'))?.subject
          .routing_revenue_sat_30d,
      ).toBe(333);
      expect(await store.snapshotAtOrBefore('acme', 'node-1', '2025-12-31T00:00:00.000Z')).toBeUndefined();
      expect(
        (await store.latestSnapshotAfter('acme', 'node-1', '2026-01-02T00:00:00.000Z'))?.observedAt,
      ).toBe('2026-01-05T00:00:00.000Z');
      expect(await store.latestSnapshotAfter('acme', 'node-1', '2026-01-05T00:00:00.000Z')).toBeUndefined();
      expect(await store.latestSnapshot('globex', 'node-1')).toBeUndefined();
      expect((await store.latestSnapshot('acme', 'node-1'))?.collections.channel?.[0]?.id).toBe('c1');
    });

    it('inserts a recommendation once, and replaces it only at the expected revision', async () => {
      expect(await store.insertRecommendation(recommendationRecord('acme', 'r1'))).toBe(true);
      expect(await store.insertRecommendation(recommendationRecord('acme', 'r1'))).toBe(false);
      expect(await store.getRecommendation('globex', 'r1')).toBeUndefined();
      const stored = await store.getRecommendation('acme', 'r1');
      expect(stored?.revision).toBe(1);
      const shown = await store.replaceRecommendation({ ...stored!, stage: 'shown' }, 1);
      expect(shown).toMatchObject({ stage: 'shown', revision: 2 });
      expect(await store.replaceRecommendation({ ...stored!, stage: 'dismissed' }, 1)).toBeUndefined();
      expect((await store.getRecommendation('acme', 'r1'))?.stage).toBe('shown');
    });

    it('drops a released claim on replace', async () => {
      await store.insertRecommendation(
        recommendationRecord('acme', 'r1', { stage: 'applied', measureDueAt: '2026-01-02T00:00:00.000Z' }),
      );
      const claimed = await store.replaceRecommendation(
        { ...(await store.getRecommendation('acme', 'r1'))!, claimedUntil: '2026-01-09T00:00:00.000Z' },
        1,
      );
      const { claimedUntil: _released, ...rest } = claimed!;
      await store.replaceRecommendation(rest, 2);
      expect((await store.getRecommendation('acme', 'r1'))?.claimedUntil).toBeUndefined();
    });

    it('lists recommendations newest first, by subject and stage', async () => {
      await store.insertRecommendation(recommendationRecord('acme', 'old', {}, '2026-01-01T00:00:00.000Z'));
      await store.insertRecommendation(
        recommendationRecord('acme', 'new', { stage: 'shown' }, '2026-01-03T00:00:00.000Z'),
      );
      const other = recommendationRecord('acme', 'other-subject', {}, '2026-01-02T00:00:00.000Z');
      other.recommendation.subjectId = 'node-2';
      await store.insertRecommendation(other);
      await store.insertRecommendation(recommendationRecord('globex', 'theirs'));
      const ids = async (query: Parameters<FeedbackStore['listRecommendations']>[1]) =>
        (await store.listRecommendations('acme', query)).map((r) => r.recommendation.id);
      expect(await ids({ limit: 10 })).toEqual(['new', 'other-subject', 'old']);
      expect(await ids({ limit: 10, subjectId: 'node-1' })).toEqual(['new', 'old']);
      expect(await ids({ limit: 10, stage: 'generated' })).toEqual(['other-subject', 'old']);
      expect(await ids({ limit: 1 })).toEqual(['new']);
      expect((await store.allRecommendations('acme')).length).toBe(3);
    });

    it('answers due applied records of every tenant, skipping live claims', async () => {
      const due = (tenant: string, id: string, at: string, claimedUntil?: string) =>
        store.insertRecommendation(
          recommendationRecord(tenant, id, {
            stage: 'applied',
            measureDueAt: at,
            ...(claimedUntil ? { claimedUntil } : {}),
          }),
        );
      await due('acme', 'later', '2026-01-03T00:00:00.000Z');
      await due('globex', 'sooner', '2026-01-02T00:00:00.000Z');
      await due('acme', 'future', '2026-02-01T00:00:00.000Z');
      await due('acme', 'claimed', '2026-01-01T00:00:00.000Z', '2026-01-10T00:00:00.000Z');
      await due('acme', 'lapsed', '2026-01-01T12:00:00.000Z', '2026-01-04T00:00:00.000Z');
      await store.insertRecommendation(recommendationRecord('acme', 'dismissed', { stage: 'dismissed' }));
      const ids = (await store.dueRecommendations('2026-01-05T00:00:00.000Z', 10)).map(
        (r) => r.recommendation.id,
      );
      expect(ids).toEqual(['lapsed', 'sooner', 'later']);
      expect((await store.dueRecommendations('2026-01-05T00:00:00.000Z', 1)).length).toBe(1);
    });

    it('answers measurable outcomes of every tenant, newest measured first', async () => {
      const measured = (tenant: string, id: string, at: string, measurable: boolean) =>
        store.insertRecommendation(
          recommendationRecord(tenant, id, {
            stage: 'measured',
            outcome: { measuredAt: at, effectiveness: 0.7, changes: {}, measurable },
          }),
        );
      await measured('acme', 'a', '2026-01-02T00:00:00.000Z', true);
      await measured('globex', 'b', '2026-01-03T00:00:00.000Z', true);
      await measured('acme', 'c', '2026-01-04T00:00:00.000Z', false);
      expect((await store.measuredOutcomes(10)).map((r) => r.recommendation.id)).toEqual(['b', 'a']);
    });

    it('keeps weights versions with exactly one active', async () => {
      expect(await store.activeWeights()).toBeUndefined();
      expect(await store.addWeights(weightsVersion('seed-1', 1))).toBe(true);
      expect(await store.addWeights(weightsVersion('seed-1', 1))).toBe(false);
      await store.addWeights(weightsVersion('fit-2', 2));
      expect(await store.activateWeights('seed-1')).toBe(true);
      expect((await store.activeWeights())?.version).toBe('seed-1');
      await store.activateWeights('fit-2');
      expect((await store.activeWeights())?.version).toBe('fit-2');
      expect(await store.activateWeights('nope')).toBe(false);
      const listed = await store.listWeights(10);
      expect(listed.map((v) => [v.version, v.active])).toEqual([
        ['fit-2', true],
        ['seed-1', false],
      ]);
      expect((await store.getWeights('seed-1'))?.factors.revenue_impact).toBe(0.3);
    });

    it('keeps one answer rating per tenant, user and answer', async () => {
      const rating = (tenant: string, id: string, value: 'up' | 'down') => ({
        tenant,
        user: 'alice',
        answerId: id,
        id: `${id}-alice`,
        rating: value,
        comment: '',
        kind: 'rag' as const,
        sessionId: '',
        recordedAt: '2026-01-01T00:00:00.000Z',
      });
      expect(await store.putAnswerFeedback(rating('acme', 'a1', 'up'))).toBe(false);
      expect(await store.putAnswerFeedback(rating('acme', 'a1', 'down'))).toBe(true);
      await store.putAnswerFeedback(rating('acme', 'a2', 'down'));
      await store.putAnswerFeedback(rating('globex', 'a1', 'up'));
      expect(await store.answerFeedbackCounts('acme')).toEqual({ up: 0, down: 2 });
      expect(await store.answerFeedbackCounts('globex')).toEqual({ up: 1, down: 0 });
    });

    it('keeps everything across a reopen (when the adapter persists)', async () => {
      if (!fixture.reopen) return;
      await store.createSubject(subjectRecord('acme', 'node-1'));
      await store.addSnapshot('acme', 'node-1', snapshotAt('2026-01-01T00:00:00.000Z', 100));
      await store.insertRecommendation(
        recommendationRecord('acme', 'r1', { stage: 'applied', measureDueAt: '2026-01-02T00:00:00.000Z' }),
      );
      await store.addWeights(weightsVersion('seed-1', 1));
      await store.activateWeights('seed-1');
      await store.close();
      const reopened = await fixture.reopen();
      expect(await reopened.getSubject('acme', 'node-1')).toMatchObject({ snapshotCount: 1 });
      expect((await reopened.latestSnapshot('acme', 'node-1'))?.subject.routing_revenue_sat_30d).toBe(100);
      expect((await reopened.dueRecommendations('2026-01-03T00:00:00.000Z', 10)).length).toBe(1);
      expect((await reopened.activeWeights())?.version).toBe('seed-1');
    });
  });
}
