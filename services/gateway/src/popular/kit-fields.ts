import type { PopularQuestions } from './popular-questions.ts';

/*
 * The field the route kit and a WebSocket connection's dependencies carry the counts in. Declared
 * here, beside the feature, until route-kit.ts and connection.ts declare it themselves; without
 * it (a gateway assembled without counts) nothing is counted and the top route answers 503.
 */
declare module '../routes/route-kit.ts' {
  interface RouteKit {
    /** Counts of asked questions (GET /v1/admin/questions/top, `ragfleet warm`). */
    popularQuestions?: PopularQuestions | undefined;
  }
}

declare module '../ws/connection.ts' {
  interface ConnectionDeps {
    /** Counts of asked questions: each rag ask is counted as /v1/rag counts its questions. */
    popularQuestions?: PopularQuestions | undefined;
  }
}

export {};
