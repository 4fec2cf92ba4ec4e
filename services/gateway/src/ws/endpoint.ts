import type { AdmissionNeeds } from '../admission/admission.ts';

export const WS_PATH = '/v1/ws';
export const WS_TICKETS_PATH = '/v1/ws/tickets';

/** What each ask on a socket needs, as an HTTP answer does: the rag scope, a request and a stream slot. */
export const WS_ASK_NEEDS: AdmissionNeeds = { scope: 'rag', limits: 'stream', what: 'a WebSocket ask' };

/** A chat or resume on a socket: the session routes' scope, and a request and a stream slot likewise. */
export const WS_CHAT_NEEDS: AdmissionNeeds = { scope: 'chat', limits: 'stream', what: 'a WebSocket chat' };

/** A recommend on a socket: the recommendation routes' read scope, and a request and a stream slot likewise. */
export const WS_RECOMMEND_NEEDS: AdmissionNeeds = {
  scope: 'recommendations:read',
  limits: 'stream',
  what: 'a WebSocket recommend',
};
