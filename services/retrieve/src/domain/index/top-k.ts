/**
 * The `limit` best entries of a scored collection, best first, without sorting all of it: a
 * bounded min-heap keeps selection at O(n log limit), which matters when a common query term
 * scores most of a large corpus but only the top few are wanted. `before(a, b)` says whether a
 * ranks above b (ties must be broken inside it so the result is deterministic).
 */
export function topK<T>(items: Iterable<T>, limit: number, before: (a: T, b: T) => boolean): T[] {
  if (limit <= 0) return [];
  const heap: T[] = []; // heap[0] is the worst of the kept entries
  const worse = (i: number, j: number) => before(heap[j]!, heap[i]!);
  const swap = (i: number, j: number) => {
    const held = heap[i]!;
    heap[i] = heap[j]!;
    heap[j] = held;
  };
  const siftUp = (start: number) => {
    for (let i = start; i > 0;) {
      const parent = (i - 1) >> 1;
      if (!worse(i, parent)) break;
      swap(i, parent);
      i = parent;
    }
  };
  const siftDown = () => {
    for (let i = 0; ;) {
      const left = 2 * i + 1;
      const right = left + 1;
      let worst = i;
      if (left < heap.length && worse(left, worst)) worst = left;
      if (right < heap.length && worse(right, worst)) worst = right;
      if (worst === i) return;
      swap(i, worst);
      i = worst;
    }
  };
  for (const item of items) {
    if (heap.length < limit) {
      heap.push(item);
      siftUp(heap.length - 1);
    } else if (before(item, heap[0]!)) {
      heap[0] = item;
      siftDown();
    }
  }
  return heap.sort((a, b) => (before(a, b) ? -1 : before(b, a) ? 1 : 0));
}
