import { Injectable } from '@nestjs/common';
import type { ImportProgress } from '@vfr/domain';

/** How long a finished import's last state stays readable, for a poll that arrives after the answer. */
const KEEP_MS = 60_000;
/** More imports than run at once on any registry: the oldest states go first beyond it. */
const MAX_TRACKED = 1000;

interface Tracked {
  userId: string;
  id: string;
}

/**
 * How far each running import has come, held in this process's memory: an import is one request
 * to one process, and its progress is asked for while that request is open, so nothing needs to
 * outlive it. Each user reads only the imports they started, under the id their client chose.
 */
@Injectable()
export class ImportProgressBoard {
  private readonly runs = new Map<string, { progress: ImportProgress; endedAt: number | null }>();

  set(tracked: Tracked | null, progress: ImportProgress): void {
    if (!tracked) return;
    const key = `${tracked.userId}:${tracked.id}`;
    if (!this.runs.has(key)) this.sweep();
    this.runs.set(key, { progress, endedAt: null });
  }

  end(tracked: Tracked | null): void {
    if (!tracked) return;
    const run = this.runs.get(`${tracked.userId}:${tracked.id}`);
    if (run) {
      run.progress = { ...run.progress, phase: 'done' };
      run.endedAt = Date.now();
    }
  }

  get(userId: string, id: string): ImportProgress | null {
    return this.runs.get(`${userId}:${id}`)?.progress ?? null;
  }

  private sweep(): void {
    const now = Date.now();
    for (const [key, run] of this.runs) if (run.endedAt !== null && now - run.endedAt > KEEP_MS) this.runs.delete(key);
    while (this.runs.size >= MAX_TRACKED) this.runs.delete(this.runs.keys().next().value!);
  }
}
