import { invalidField } from '@ragfleet/errors';
import { SHIPPED_PACKS, loadPack, type Pack } from '@ragfleet/packs';

/**
 * The shipped packs, each loaded (and validated) once. A subject names its pack by name; an
 * unknown name is INVALID_ARGUMENT on the `pack` field, listing the known ones.
 */
export class PackCatalog {
  readonly #loaded = new Map<string, Pack>();

  get(name: string): Pack {
    const cached = this.#loaded.get(name);
    if (cached) return cached;
    if (!Object.hasOwn(SHIPPED_PACKS, name)) {
      throw invalidField('pack', `unknown pack "${name}" (known: ${Object.keys(SHIPPED_PACKS).join(', ')})`);
    }
    const pack = loadPack(name);
    this.#loaded.set(name, pack);
    return pack;
  }
}
