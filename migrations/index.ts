// Every migration, in order. Files are named <timestamp>-<PascalName>.ts; add new ones at the end.
import type { MigrationInterface } from 'typeorm';
import { Init1795438414873 } from './1795438414873-Init';
import { LessonCompetencies1795439833139 } from './1795439833139-LessonCompetencies';
import { IdentityAndUnits1795441307361 } from './1795441307361-IdentityAndUnits';
import { HouseholdJoinCodes1795441661111 } from './1795441661111-HouseholdJoinCodes';
import { LessonKeysAndLearningSettings1796179328058 } from './1796179328058-LessonKeysAndLearningSettings';

export const MIGRATIONS: (new () => MigrationInterface)[] = [Init1795438414873, LessonCompetencies1795439833139, IdentityAndUnits1795441307361, HouseholdJoinCodes1795441661111,
  LessonKeysAndLearningSettings1796179328058,
];
