/** A failed check stops the run; until then, TypeScript may rely on what was checked. */
export type Check = (condition: unknown, failure: string) => asserts condition;

/**
 * How the container checks fail: one line naming the check and the step that failed, exit 1, so
 * scripts/images.sh stops there and says why (a stack trace says where, which is not the point).
 */
export function checker(name: string): Check {
  return (condition, failure) => {
    if (condition) return;
    console.error(`${name}: ${failure}`);
    process.exit(1);
  };
}
