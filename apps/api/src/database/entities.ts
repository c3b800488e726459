import { Course } from '../modules/catalog/course.entity';
import { CourseModule } from '../modules/catalog/course-module.entity';
import { CourseVersion } from '../modules/catalog/course-version.entity';
import { Lesson } from '../modules/catalog/lesson.entity';
import { LessonCompetency } from '../modules/competencies/lesson-competency.entity';
import { AuditEntry } from '../modules/audit/audit-entry.entity';
import { OidcIdentity } from '../modules/identity/oidc-identity.entity';
import { PasswordReset } from '../modules/identity/password-reset.entity';
import { RoleAssignment } from '../modules/identity/role-assignment.entity';
import { Session } from '../modules/identity/session.entity';
import { User } from '../modules/identity/user.entity';
import { AdministrativeUnit } from '../modules/units/administrative-unit.entity';
import { Household } from '../modules/units/household.entity';
import { HouseholdMember } from '../modules/units/household-member.entity';
import { UnitPopulation } from '../modules/units/unit-population.entity';

/** Every entity of the application; the migrations must create exactly this schema (see schema.e2e-spec). */
export const ENTITIES = [
  Course, CourseVersion, CourseModule, Lesson, LessonCompetency,
  AdministrativeUnit, UnitPopulation, User, OidcIdentity, Session, PasswordReset, RoleAssignment, Household, HouseholdMember, AuditEntry,
];
