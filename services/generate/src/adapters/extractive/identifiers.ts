// Names spelled as code in a question must be found as written: they are the strongest evidence.

/** Whether the text names `name` as a whole word (NOT_FOUND, not ROUTE_NOT_FOUND). */
export function mentions(text: string, name: string): boolean {
  let at = text.indexOf(name);
  while (at >= 0) {
    const before = text[at - 1] ?? ' ';
    const after = text[at + name.length] ?? ' ';
    if (!/[\p{L}\p{N}_]/u.test(before) && !/[\p{L}\p{N}_]/u.test(after)) return true;
    at = text.indexOf(name, at + 1);
  }
  return false;
}

/** Names a question spells as code (`NOT_FOUND`, `messageKey`, `pino.destination`), lower-cased. */
export function identifiersOf(query: string): string[] {
  const words = query.match(/[\p{L}\p{N}_.$-]+/gu) ?? [];
  return (
    words
      .map((word) => word.replace(/^[.-]+|[.-]+$/g, ''))
      // An acronym (HTTP, GPU) is a word, not a name: only snake_case, dotted or camelCase names count.
      .filter((word) => /\p{L}[_.$]\p{L}|\p{Ll}\p{Lu}/u.test(word) && word.length > 2)
      .map((word) => word.toLowerCase())
  );
}
