import { Client } from "pg";
import { startTestApp, TestApp, tokenFor } from "./support/test-app";

/* eslint-disable @typescript-eslint/no-require-imports -- the benchmark's own CommonJS modules */
const { generate, insertAll } = require("../bench/seed") as {
  generate(options: { scale: number }): Record<string, object[]>;
  insertAll(
    client: Client,
    tables: Record<string, object[]>,
  ): Promise<Record<string, number>>;
};
const { insertMarketplace, marketplaceWorkloads } =
  require("../bench/marketplace") as {
    insertMarketplace(
      client: Client,
      options: { capabilities: number; needs: number },
    ): Promise<{ member: { person_id: string }; needId: string }>;
    marketplaceWorkloads(f: {
      needId: string;
    }): { name: string; body: string; count(data: unknown): string }[];
  };
/* eslint-enable @typescript-eslint/no-require-imports */

interface SearchData {
  search: { edges: { node: { kind: string } }[] };
}

/**
 * Guards the SQL statements per request of `npm run bench:marketplace`'s two workloads (bench/marketplace.js),
 * as its member and on its generated data at a fiftieth and a twenty-fifth of the benchmark's size: the
 * counts are fixed and the same when proposals, capabilities and needs double. search: the page with its
 * count (one statement, decision 110) and one batched load per kind of hit on the page; match: the need, the
 * page of matches with their count (one statement, decision 111), the providers.
 */
describe("Marketplace benchmark workloads: SQL statements per request (e2e)", () => {
  async function measure(scale: number): Promise<Record<string, number>> {
    const t: TestApp = await startTestApp();
    try {
      const client = new Client({ connectionString: t.config.databaseUrl });
      await client.connect();
      let fixture: { member: { person_id: string }; needId: string };
      try {
        await insertAll(client, generate({ scale }));
        fixture = await insertMarketplace(client, {
          capabilities: Math.round(2000 * scale),
          needs: Math.round(40 * scale),
        });
      } finally {
        await client.end();
      }
      const token = await tokenFor(t, fixture.member.person_id);
      const counts: Record<string, number> = {};
      for (const workload of marketplaceWorkloads(fixture)) {
        let kinds = 0;
        const send = async () => {
          const { query } = JSON.parse(workload.body) as { query: string };
          const response = await t.gql(query, {}, token);
          expect(response.errors).toBeUndefined();
          expect(workload.count(response.data)).not.toMatch(/^0 /);
          if (workload.name === "search")
            kinds = new Set(
              (response.data as SearchData).search.edges.map(
                (e) => e.node.kind,
              ),
            ).size;
        };
        await send();
        const statements = (await t.counter.measure(send)).statements.length;
        // Search loads each kind of hit on the page in one statement; the rest is fixed.
        counts[workload.name] = statements - kinds;
      }
      return counts;
    } finally {
      await t.close();
    }
  }

  it("send a fixed number of statements (search 1 + one per kind on the page, match 3), unchanged when the data doubles", async () => {
    const small = await measure(0.2);
    const large = await measure(0.4);
    console.info(
      `statements per request (search without its per-kind loads): ${JSON.stringify(small)} at scale 0.2, ${JSON.stringify(large)} at 0.4`,
    );
    expect(large).toEqual(small);
    expect(small.search).toBeLessThanOrEqual(1);
    expect(small.match).toBeLessThanOrEqual(3);
  }, 180_000);
});
