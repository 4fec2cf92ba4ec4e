/** A key revoked somewhere: its public id and hash (the cache is keyed by hash, sockets by id). */
export interface RevokedKey {
  id: string;
  hash: string;
}

export type RevocationListener = (revoked: RevokedKey) => void;

/**
 * How a revocation reaches every gateway replica: announced by the replica that revoked the key,
 * heard by all of them (itself included), so each drops the key from its lookup cache and closes
 * the sockets opened with it at once, instead of within the cache window.
 */
export interface RevocationChannel {
  announce(revoked: RevokedKey): Promise<void>;
  /** Returns a function that stops listening. */
  listen(listener: RevocationListener): () => void;
}

/** One process, no Redis: a revocation is heard only here, which is everywhere there is. */
export class LocalRevocationChannel implements RevocationChannel {
  readonly #listeners = new Set<RevocationListener>();

  async announce(revoked: RevokedKey): Promise<void> {
    for (const listener of this.#listeners) listener(revoked);
  }

  listen(listener: RevocationListener): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }
}
