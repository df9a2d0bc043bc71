import * as os from 'node:os';
import { rowsOf, Sql } from './registry-setup';

export interface Machine {
  cpus: number;
  cpuModel: string;
  memoryGb: number;
  node: string;
  postgres: string;
  platform: string;
  /** 1-minute load average when measured: other work on the machine inflates every figure. */
  loadAverage: number;
}

/** What the figures were measured on: they mean little without it. */
export async function machine(db: Sql): Promise<Machine> {
  const [v] = rowsOf<{ v: string }>(await db.query('SELECT version() AS v'));
  return {
    cpus: os.cpus().length,
    cpuModel: os.cpus()[0]?.model ?? 'unknown',
    memoryGb: Math.round((os.totalmem() / 2 ** 30) * 10) / 10,
    node: process.version,
    postgres: String(v.v).split(' on ')[0],
    platform: `${os.type()} ${os.release()}`,
    loadAverage: Math.round(os.loadavg()[0] * 100) / 100,
  };
}
