import { ChildProcess, execFileSync, spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { connect, createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { INestApplicationContext } from "@nestjs/common";
import { NestFactory } from "@nestjs/core";
import { DataSource } from "typeorm";
import { loadConfig } from "@app/core";
import { CliModule } from "../../apps/cli/src/cli.module";
import { GqlResponse, TestApp } from "./test-app";

const root = join(__dirname, "..", "..");
export const REDIS_URL = process.env.TEST_REDIS_URL ?? "redis://127.0.0.1:6379";

/** Whether something accepts TCP connections at the URL's host and port. */
export function reachable(url: string): Promise<boolean> {
  const { hostname, port } = new URL(url);
  return new Promise((resolve) => {
    const socket = connect({ host: hostname, port: Number(port || 6379) });
    socket.setTimeout(1000);
    const done = (up: boolean) => {
      socket.destroy();
      resolve(up);
    };
    socket.once("connect", () => done(true));
    socket.once("error", () => done(false));
    socket.once("timeout", () => done(false));
  });
}

export function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const server = createServer().listen(0, "127.0.0.1", () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

/** `dist/` up to date with the sources (the instances run it). */
export function buildDist(): void {
  execFileSync(process.execPath, [
    join(root, "scripts/build.js"),
    "--if-stale",
  ]);
}

export interface Instance {
  name: string;
  url: string;
  child: ChildProcess;
  dataDir: string;
  /** What the process logged so far (stdout and stderr). */
  output(): string;
}

/** Starts `dist/apps/api/src/main.js` as `npm start` would, and waits until it is ready. */
export async function startInstance(
  name: string,
  env: Record<string, string>,
): Promise<Instance> {
  const port = await freePort();
  const dataDir = mkdtempSync(join(tmpdir(), `ecava-${name}-`));
  const child = spawn(
    process.execPath,
    [join(root, "dist/apps/api/src/main.js")],
    {
      env: {
        ...process.env,
        NODE_ENV: "test",
        PORT: String(port),
        DATA_DIR: dataDir,
        SIGNING_SECRET: "e2e-signing-secret-0123456789abcdef",
        ...env,
      },
      cwd: dataDir,
      stdio: ["ignore", "pipe", "pipe"],
    },
  );
  let output = "";
  child.stdout!.on("data", (chunk) => (output += chunk));
  child.stderr!.on("data", (chunk) => (output += chunk));
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 30_000;
  while (Date.now() < deadline) {
    try {
      if ((await fetch(`${url}/health/ready`)).ok)
        return { name, url, child, dataDir, output: () => output };
    } catch {
      // not up yet
    }
    if (child.exitCode !== null)
      throw new Error(`instance ${name} exited: ${output}`);
    await new Promise((r) => setTimeout(r, 200));
  }
  child.kill("SIGKILL");
  throw new Error(`instance ${name} did not answer in 30 s: ${output}`);
}

/** SIGTERM, and the exit code once it has exited. */
export function stopInstance(instance: Instance): Promise<number | null> {
  return new Promise((resolve) => {
    if (instance.child.exitCode !== null)
      return resolve(instance.child.exitCode);
    instance.child.once("exit", (code) => resolve(code));
    instance.child.kill("SIGTERM");
  });
}

/**
 * Set-up through the services on `databaseUrl` (the factories), GraphQL through `instance`: the
 * factories' view of a deployment of separate processes. `close()` closes the services' context.
 */
export async function deploymentView(
  databaseUrl: string,
  instance: Instance,
): Promise<TestApp & { close(): Promise<void> }> {
  const dataDir = mkdtempSync(join(tmpdir(), "ecava-setup-"));
  const context: INestApplicationContext =
    await NestFactory.createApplicationContext(
      CliModule.forRoot({
        ...loadConfig({
          NODE_ENV: "test",
          DATA_DIR: dataDir,
          DATABASE_URL: databaseUrl,
        }),
        runWorker: false,
      }),
      { logger: ["error"] },
    );
  return {
    app: context,
    dataSource: context.get(DataSource),
    gql: (query: string, variables?: Record<string, unknown>, token?: string) =>
      gqlOn(instance, query, variables, token),
    async close() {
      await context.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  } as unknown as TestApp & { close(): Promise<void> };
}

/** Posts a GraphQL document to an instance over HTTP. */
export async function gqlOn(
  instance: Instance,
  query: string,
  variables?: Record<string, unknown>,
  token?: string,
): Promise<GqlResponse> {
  const response = await fetch(`${instance.url}/graphql`, {
    method: "POST",
    headers: {
      "content-type": "application/json",
      ...(token ? { authorization: `Bearer ${token}` } : {}),
    },
    body: JSON.stringify({ query, variables }),
  });
  return (await response.json()) as GqlResponse;
}

/** Stops the instances, removes their data folders, and returns their exit codes. */
export async function stopAll(
  instances: (Instance | undefined)[],
): Promise<(number | null)[]> {
  const running = instances.filter((i): i is Instance => i !== undefined);
  const codes = await Promise.all(running.map(stopInstance));
  for (const instance of running)
    rmSync(instance.dataDir, { recursive: true, force: true });
  return codes;
}
