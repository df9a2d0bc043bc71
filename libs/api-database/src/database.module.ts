import { DynamicModule, Global, Inject, Injectable, Module, OnApplicationShutdown } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { AggregateReader } from './aggregate-reader';
import { aggregateConcurrencyFromEnv, aggregateTimeoutFromEnv } from './database.config';
import { OPEN_DATABASE, QUERY_TIMEOUTS } from './database.tokens';
import { HealthController } from './health.controller';
import { OpenDatabase } from './open-database';
import { PreparedReads } from './prepared-reads';
import { queryTimeouts } from './query-timeout';
import { StatementCounterLogger } from './statement-counter.logger';

@Injectable()
class DatabaseLifecycle implements OnApplicationShutdown {
  constructor(@Inject(OPEN_DATABASE) private readonly db: OpenDatabase & { ownedByApp?: boolean }) {}
  async onApplicationShutdown(): Promise<void> {
    if (this.db.ownedByApp !== false) await this.db.close();
  }
}

/**
 * Provides the DataSource to every feature module. The database is opened (and migrated) before
 * Nest starts, by the composition root, so that start-up errors are reported plainly.
 */
@Global()
@Module({})
export class DatabaseModule {
  static forDatabase(db: OpenDatabase, options: { closeOnShutdown?: boolean } = {}): DynamicModule {
    const owned = Object.assign(db, { ownedByApp: options.closeOnShutdown ?? true });
    const timeouts = queryTimeouts(aggregateTimeoutFromEnv());
    return {
      module: DatabaseModule,
      controllers: [HealthController],
      providers: [
        { provide: OPEN_DATABASE, useValue: owned },
        { provide: DataSource, useValue: db.dataSource },
        { provide: StatementCounterLogger, useValue: db.statements },
        { provide: PreparedReads, useValue: db.reads },
        { provide: QUERY_TIMEOUTS, useValue: timeouts },
        { provide: AggregateReader, useValue: new AggregateReader(db.dataSource, aggregateConcurrencyFromEnv(), timeouts, db.standbys) },
        DatabaseLifecycle,
      ],
      exports: [DataSource, StatementCounterLogger, PreparedReads, OPEN_DATABASE, QUERY_TIMEOUTS, AggregateReader],
    };
  }
}
