import { Field, ObjectType } from '@nestjs/graphql';
import { RecordModel, recordFields } from '@vfr/api-core';
import { SiteEntity } from '../site.entity';

@ObjectType('Site')
export class SiteModel extends RecordModel {
  @Field() code: string;
  @Field() name: string;

  static from(e: SiteEntity): SiteModel {
    return { ...recordFields(e), code: e.code, name: e.name };
  }
}
