import { GqlResponse, TestApp } from './test-app';

/** The usual refusals of a mutation whose viewerCan flag is false. */
export const REFUSED = /^(FORBIDDEN|CONFLICT)$/;

/**
 * Checks that each mutation agrees with the viewerCan flag it stands for: for every role that reads the object
 * and every flag, `attempt` must succeed where the flag is true and be refused (a code matching `refused`)
 * where it is false. A refusal changes nothing, so it is tried on the object whose flags were read (`id`).
 * A success may change it, so it is tried on `fresh(flag)`, an object in the same situation.
 */
export async function expectMutationsAgree<Role extends string, Flag extends string>(options: {
  id: string;
  answers: Record<Role, Record<Flag, boolean> | null>;
  flags: readonly Flag[];
  attempt: (flag: Flag, id: string, role: Role) => Promise<GqlResponse>;
  fresh: (flag: Flag) => Promise<string>;
  refused?: (flag: Flag) => RegExp;
}): Promise<void> {
  const { id, answers, flags, attempt, fresh, refused = () => REFUSED } = options;
  for (const role of Object.keys(answers) as Role[]) {
    const can = answers[role];
    if (!can) continue;
    for (const flag of flags) {
      const response = await attempt(flag, can[flag] ? await fresh(flag) : id, role);
      const outcome = response.errors ? response.errors[0].extensions.code : 'ok';
      expect({ role, flag, outcome }).toEqual({ role, flag, outcome: can[flag] ? 'ok' : expect.stringMatching(refused(flag)) });
    }
  }
}

/**
 * The statements `query` sends for `token`, after a warm-up (the token's first use writes last_used_at once),
 * with the response.
 */
export async function statementsOf(t: TestApp, query: string, variables: Record<string, unknown>, token: string): Promise<{ data: any; statements: number }> {
  await t.gql(query, variables, token);
  const { result, statements } = await t.counter.measure(() => t.gql(query, variables, token));
  expect(result.errors).toBeUndefined();
  return { data: result.data, statements: statements.length };
}
