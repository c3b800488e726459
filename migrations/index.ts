// Every migration, in order. Files are named <timestamp>-<PascalName>.ts; add new ones at the end.
import type { MigrationInterface } from 'typeorm';
import { Init1795438414873 } from './1795438414873-Init';
import { LessonCompetencies1795439833139 } from './1795439833139-LessonCompetencies';
import { IdentityAndUnits1795441307361 } from './1795441307361-IdentityAndUnits';
import { HouseholdJoinCodes1795441661111 } from './1795441661111-HouseholdJoinCodes';
import { LessonKeysAndLearningSettings1796179328058 } from './1796179328058-LessonKeysAndLearningSettings';
import { LearningProgress1796179661522 } from './1796179661522-LearningProgress';
import { StudioReview1796179691008 } from './1796179691008-StudioReview';
import { MediaAssets1796179738722 } from './1796179738722-MediaAssets';
import { AssessmentItemBankQuizzesGrading1796179932575 } from './1796179932575-AssessmentItemBankQuizzesGrading';
import { Certificates1796180118391 } from './1796180118391-Certificates';
import { XapiLearningRecordStore1796180152056 } from './1796180152056-XapiLearningRecordStore';
import { Mentoring1796191546254 } from './1796191546254-Mentoring';
import { CommunityClasses1796192400000 } from './1796192400000-CommunityClasses';
import { ReportsTargetsRollups1796192600000 } from './1796192600000-ReportsTargetsRollups';
import { ReportsPerformance1796193000000 } from './1796193000000-ReportsPerformance';

export const MIGRATIONS: (new () => MigrationInterface)[] = [Init1795438414873, LessonCompetencies1795439833139, IdentityAndUnits1795441307361, HouseholdJoinCodes1795441661111,
  LessonKeysAndLearningSettings1796179328058,
  LearningProgress1796179661522,
  StudioReview1796179691008,
  MediaAssets1796179738722,
  AssessmentItemBankQuizzesGrading1796179932575,
  Certificates1796180118391,
  XapiLearningRecordStore1796180152056,
  Mentoring1796191546254,
  CommunityClasses1796192400000,
  ReportsTargetsRollups1796192600000,
  ReportsPerformance1796193000000,
];
