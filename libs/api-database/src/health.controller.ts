import { Controller, Get, Res } from '@nestjs/common';
import { Public } from '@vfr/api-core';
import { DataSource } from 'typeorm';

interface JsonResponse {
  status(code: number): { json(body: unknown): void };
}

// Load balancers and the start script probe it without a token.
@Public()
@Controller('health')
export class HealthController {
  constructor(private readonly dataSource: DataSource) {}

  @Get()
  async health(@Res() res: JsonResponse): Promise<void> {
    const started = Date.now();
    try {
      await Promise.race([
        this.dataSource.query('SELECT 1'),
        new Promise((_, reject) => setTimeout(() => reject(new Error('timeout')), 3000)),
      ]);
      res.status(200).json({ status: 'ok', database: 'reachable', latencyMs: Date.now() - started });
    } catch {
      res.status(503).json({ status: 'unavailable', database: 'unreachable' });
    }
  }
}
