import { toRagfleetError } from '@ragfleet/errors';
import { SEED_WEIGHTS, parseWeights, type Weights } from '../scoring/weights.ts';

/** A weights version as feedback describes it, in the scorer's terms. */
export interface WeightsOffer {
  version: string;
  factors: Array<{ name: string; weight: number }>;
  /** RFC 3339; orders versions, so that a replayed older activation never replaces a newer one. */
  createdAt: string;
  origin: string;
}

/** Where the weights in use came from: the built-in seed until feedback has answered once. */
export type WeightsSource = 'seed' | 'feedback';

export type OfferResult = 'taken' | 'unchanged' | 'older' | 'refused';

export interface WeightsObserver {
  /** A new version was taken (the version changed). */
  changed(from: string, to: string, source: string): void;
  /** Invalid weights were refused and the old ones kept. */
  refused(version: string, reason: string): void;
}

/**
 * The one current weights version of this replica. It starts on SEED_WEIGHTS and takes what
 * feedback offers (at start, from an activation event, or from the periodic poll). Invalid weights
 * are refused and counted, and the old ones kept: a bad publish must not stop scoring. An offer
 * older than the current version is ignored, because a new replica's durable consumer replays
 * every past activation in order after the start read already gave it the latest.
 */
export class WeightsHolder {
  #weights: Weights = SEED_WEIGHTS;
  #offer: WeightsOffer;
  #source: WeightsSource = 'seed';
  #loadedAt: Date;
  readonly #observer: WeightsObserver;
  readonly #now: () => Date;

  constructor(observer: WeightsObserver, now: () => Date = () => new Date()) {
    this.#observer = observer;
    this.#now = now;
    this.#loadedAt = now();
    this.#offer = {
      version: SEED_WEIGHTS.version,
      factors: Object.entries(SEED_WEIGHTS.factors).map(([name, weight]) => ({ name, weight })),
      createdAt: '',
      origin: 'seed',
    };
  }

  get weights(): Weights {
    return this.#weights;
  }

  get source(): WeightsSource {
    return this.#source;
  }

  /** The current version as it was offered (its factors, origin and creation time). */
  get description(): WeightsOffer {
    return this.#offer;
  }

  get loadedAt(): Date {
    return this.#loadedAt;
  }

  /**
   * Takes a version unless it is invalid, the current one, or older than the current one (from
   * an event; `authoritative` offers, feedback's own answer of what is active, skip that check so
   * that a rollback to an earlier version read by the poll is taken).
   */
  offer(offer: WeightsOffer, via: string, authoritative = false): OfferResult {
    let weights: Weights;
    try {
      weights = parseWeights({
        version: offer.version,
        factors: Object.fromEntries(offer.factors.map((factor) => [factor.name, factor.weight])),
      });
    } catch (error) {
      this.#observer.refused(offer.version, toRagfleetError(error).message);
      return 'refused';
    }
    if (this.#source === 'feedback' && weights.version === this.#weights.version) return 'unchanged';
    if (
      !authoritative &&
      this.#source === 'feedback' &&
      offer.createdAt !== '' &&
      this.#offer.createdAt !== '' &&
      offer.createdAt < this.#offer.createdAt
    ) {
      return 'older';
    }
    const from = this.#weights.version;
    this.#weights = weights;
    this.#offer = offer;
    this.#source = 'feedback';
    this.#loadedAt = this.#now();
    if (from !== weights.version) this.#observer.changed(from, weights.version, via);
    return 'taken';
  }
}
