import { ALL_ROLES, Actor, CurrentActor, Roles } from '@vfr/api-core';
import { Args, ID, Mutation, Query, Resolver } from '@nestjs/graphql';
import { Role } from '@vfr/domain';
import { CreateSiteInput, UpdateSiteInput } from './dto/site.input';
import { SiteModel } from './models/site.model';
import { SitesService } from './sites.service';

@Resolver(() => SiteModel)
export class SitesResolver {
  constructor(private readonly service: SitesService) {}

  @Roles(...ALL_ROLES)
  @Query(() => [SiteModel])
  async sites(): Promise<SiteModel[]> {
    return (await this.service.list()).map((s) => SiteModel.from(s));
  }

  @Roles(...ALL_ROLES)
  @Query(() => SiteModel)
  async site(@Args('id', { type: () => ID }) id: string): Promise<SiteModel> {
    return SiteModel.from(await this.service.get(id));
  }

  @Roles(Role.ADMIN)
  @Mutation(() => SiteModel)
  async createSite(@CurrentActor() actor: Actor, @Args('input') input: CreateSiteInput): Promise<SiteModel> {
    return SiteModel.from(await this.service.create(actor, input));
  }

  @Roles(Role.ADMIN)
  @Mutation(() => SiteModel)
  async updateSite(@CurrentActor() actor: Actor, @Args('input') input: UpdateSiteInput): Promise<SiteModel> {
    return SiteModel.from(await this.service.update(actor, input));
  }
}
