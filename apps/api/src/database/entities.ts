import { Course } from '../modules/catalog/course.entity';
import { CourseModule } from '../modules/catalog/course-module.entity';
import { CourseVersion } from '../modules/catalog/course-version.entity';
import { Lesson } from '../modules/catalog/lesson.entity';
import { CourseAuthor } from '../modules/catalog/course-author.entity';
import { ReviewComment } from '../modules/studio/review-comment.entity';
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
import { MediaAsset } from '../modules/media/media-asset.entity';
import { MediaCaption } from '../modules/media/media-caption.entity';
import { CourseCompletion } from '../modules/learning/course-completion.entity';
import { Enrolment } from '../modules/learning/enrolment.entity';
import { LessonProgress } from '../modules/learning/lesson-progress.entity';
import { ProgressEvent } from '../modules/learning/progress-event.entity';

import { COMMUNITY_ENTITIES } from '../modules/community/entities';
import { ASSESSMENT_ENTITIES } from '../modules/assessment/entities';
import { XAPI_ENTITIES } from '../modules/xapi/entities';
import { Certificate } from '../modules/certificates/certificate.entity';
import { NationalIdConfirmation, NationalIdDeliveryAttempt } from '../modules/confirmations/confirmation.entity';
import { MENTORING_ENTITIES } from '../modules/mentoring/mentorship.entity';
import { REPORT_ENTITIES } from '../modules/reports/entities';

/** Every entity of the application; the migrations must create exactly this schema (see schema.e2e-spec). */
export const ENTITIES = [
  Course, CourseVersion, CourseModule, Lesson, LessonCompetency, CourseAuthor, ReviewComment,
  AdministrativeUnit, UnitPopulation, User, OidcIdentity, Session, PasswordReset, RoleAssignment, Household, HouseholdMember, AuditEntry,
  MediaAsset, MediaCaption,
  Enrolment, LessonProgress, ProgressEvent, CourseCompletion,
  ...ASSESSMENT_ENTITIES,
  ...XAPI_ENTITIES,
  Certificate, NationalIdConfirmation, NationalIdDeliveryAttempt,
  ...MENTORING_ENTITIES,
  ...COMMUNITY_ENTITIES,
  ...REPORT_ENTITIES,
];
