import { Args, Int, Mutation, Query, Resolver } from '@nestjs/graphql';
import { Actor, Connection, CurrentActor, Roles } from '@vfr/api-core';
import { Role } from '@vfr/domain';
import { DataIssuesService } from './data-issues.service';
import { DataIssueFilterInput, ResolveDataIssueInput } from './dto/data-issue.input';
import { DataIssueConnection, DataIssueModel } from './models/data-issue.model';

// The issues name patients and carry their dates: for those who read identified records of
// the site (its coordinators) and the admins, who decide what to do about them.
@Resolver(() => DataIssueModel)
export class DataIssuesResolver {
  constructor(private readonly service: DataIssuesService) {}

  @Roles(Role.ADMIN, Role.COORDINATOR)
  @Query(() => DataIssueConnection, {
    description: "Data issues found by migrations and checks (your site's, or every site's for admins), oldest first, a page at a time",
  })
  dataIssues(
    @CurrentActor() actor: Actor,
    @Args('first', { type: () => Int, nullable: true, defaultValue: 50 }) first: number,
    @Args('after', { type: () => String, nullable: true }) after: string | undefined,
    @Args('filter', { type: () => DataIssueFilterInput, nullable: true }) filter: DataIssueFilterInput | undefined,
  ): Promise<Connection<DataIssueModel>> {
    return this.service.page(actor, first, after, filter ?? {});
  }

  @Roles(Role.ADMIN, Role.COORDINATOR)
  @Mutation(() => DataIssueModel, { description: 'Mark a data issue resolved, saying how (audited)' })
  resolveDataIssue(@CurrentActor() actor: Actor, @Args('input') input: ResolveDataIssueInput): Promise<DataIssueModel> {
    return this.service.resolve(actor, input);
  }
}
