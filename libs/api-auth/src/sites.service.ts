import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { AuditedWriter } from '@vfr/api-audit';
import { Actor } from '@vfr/api-core';
import { NotFoundError, siteCreateSchema, siteUpdateSchema, validate } from '@vfr/domain';
import { CreateSiteInput, UpdateSiteInput } from './dto/site.input';
import { SiteEntity } from './site.entity';

@Injectable()
export class SitesService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly writer: AuditedWriter,
  ) {}

  list(): Promise<SiteEntity[]> {
    return this.dataSource.getRepository(SiteEntity).find({ order: { code: 'ASC' } });
  }

  async get(id: string): Promise<SiteEntity> {
    const site = await this.dataSource.getRepository(SiteEntity).findOneBy({ id });
    if (!site) throw new NotFoundError('Site', id);
    return site;
  }

  create(actor: Actor, input: CreateSiteInput): Promise<SiteEntity> {
    const values = validate(siteCreateSchema, input);
    return this.writer.run(actor, (tx) =>
      tx.createOnce(SiteEntity, { requestId: input.requestId, entityType: 'Site', values }, (requestId) =>
        tx.create(SiteEntity, { ...values, requestId }, { entityType: 'Site', siteId: null }),
      ),
    );
  }

  update(actor: Actor, input: UpdateSiteInput): Promise<SiteEntity> {
    const { id, version, reason, ...changes } = input;
    const values = validate(siteUpdateSchema, changes);
    return this.writer.run(actor, async (tx) => {
      const site = await tx.lock(SiteEntity, id, 'Site');
      return tx.update(SiteEntity, site, version, values, { entityType: 'Site', siteId: site.id, reason });
    });
  }
}
