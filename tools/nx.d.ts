// The types of tools/nx.js (plain CommonJS, so that scripts run it without a compiler).

/** Runs nx with these arguments in the workspace; throws when it fails. */
export function nx(args: string[], options?: { env?: Record<string, string> }): void;

/** The server (dist/server) and the dashboard (dist/apps/dashboard), each rebuilt only when its inputs changed. */
export function build(): void;
