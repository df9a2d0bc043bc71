import { Args, ID, Query, Resolver } from '@nestjs/graphql';
import { Actor, CurrentActor, Roles } from '@vfr/api-core';
import { Role } from '@vfr/domain';
import { PatientProfileInput, PatientProfileModel, PatientsLikeThisModel } from './models/similar-patients.model';
import { SimilarPatientsService } from './similar-patients.service';

@Resolver()
export class SimilarPatientsResolver {
  constructor(private readonly service: SimilarPatientsService) {}

  // Every role that may read aggregates: the answer is aggregates of the whole registry under the
  // department head's disclosure control, for all of them (similar-patients.service.ts).
  @Roles(Role.ADMIN, Role.COORDINATOR, Role.RESEARCHER, Role.DEPARTMENT_HEAD)
  @Query(() => PatientsLikeThisModel, {
    description:
      'Patients like this one: the past patients nearest to a profile on each path (the kind of their first treatment), how far the matching widened, and how they fared; aggregates only (docs/methods.md)',
  })
  patientsLikeThis(@Args('profile', { type: () => PatientProfileInput }) profile: PatientProfileInput): Promise<PatientsLikeThisModel> {
    return this.service.match(profile);
  }

  @Roles(Role.ADMIN, Role.COORDINATOR)
  @Query(() => PatientProfileModel, { description: "A patient's record as a profile for patientsLikeThis (coordinators: their own site's patients)" })
  patientProfile(@CurrentActor() actor: Actor, @Args('patientId', { type: () => ID }) patientId: string): Promise<PatientProfileModel> {
    return this.service.fromRecord(actor, patientId);
  }
}
