import { ADMIN, COORD_NORTH, describeEachDatabase, RESEARCHER } from '@vfr/api-testing';
import { databaseNow, idPool, invariantViolations } from './invariants';
import { runFuzz } from './fuzz-run';

// A small, deterministic slice of `npm run fuzz` so that CI keeps it: a few hundred generated
// and hostile inputs over every mutation and every query with arguments.
describeEachDatabase('fuzzed input', (t) => {
  it('never crashes, never answers a bare 500 or an unexpected error, never writes an invalid row', async () => {
    const since = await databaseNow(t().db.dataSource);
    const tokens = { admin: await t().login(ADMIN), coordinator: await t().login(COORD_NORTH), researcher: await t().login(RESEARCHER) };
    const pool = await idPool(t().db.dataSource);
    const report = await runFuzz(t().url, tokens, pool, { inputs: 400, seed: 20260127 });

    expect(report.inputs).toBeGreaterThanOrEqual(400);
    // Some inputs must get through validation, or the fuzzing tests only the first check.
    expect(report.accepted).toBeGreaterThan(20);
    expect(report.findings).toEqual([]);
    const health = await fetch(`${t().url}/health`);
    expect(health.status).toBe(200);
    expect(await invariantViolations(t().db.dataSource, since)).toEqual([]);
  }, 180_000);
});
