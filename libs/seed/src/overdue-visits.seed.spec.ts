import { describeEachDatabase } from '@vfr/api-testing';
import { todayIso } from '@vfr/domain';

const OVERDUE = `query($f: WorklistFilterInput) {
  worklist(filter: $f, first: 200, sort: DAYS_OVERDUE) {
    totalCount
    edges { node { registryNumber timePoint state daysOverdue windowEnd } }
  }
}`;

// The demo registry (its three sites and as many patients as `npm start` seeds) is behind on its
// follow-up as a real one is: every site has overdue visits on its worklist, so a coordinator
// trying the registry sees the overdue workflow. They are the visits of windows closed lately;
// older ones are all recorded, done or missed.
describeEachDatabase(
  'demo seed: overdue visits on every site',
  (t) => {
    it.each(['north', 'central', 'south'])('leaves visits of %s past their window unrecorded', async (site) => {
      const token = await t().login(`coordinator.${site}@demo.registry`);
      const r = await t().gql(OVERDUE, { f: { states: ['OVERDUE'] } }, token);
      expect(r.errors).toBeUndefined();
      const rows = r.data!.worklist.edges.map((e: any) => e.node);
      expect(r.data!.worklist.totalCount).toBeGreaterThan(0);
      const today = todayIso();
      for (const row of rows) {
        expect(row.state).toBe('OVERDUE');
        expect(row.windowEnd < today).toBe(true);
        expect(row.daysOverdue).toBeGreaterThan(0);
        expect(row.daysOverdue).toBeLessThanOrEqual(120);
      }
    });
  },
  { patients: 300 },
);
