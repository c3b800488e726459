import { Module } from '@nestjs/common';
import { MentorController, MyMentoringController, UnitMentorsController } from './mentoring.controller';
import { MentoringService } from './mentoring.service';

/**
 * Digital Ambassadors (mentors): invitations, mentees' progress and where they are stuck, nudges,
 * and the unit view. Exports MentoringService (`mentorCounts(scope)` for the reports).
 */
@Module({
  controllers: [MentorController, MyMentoringController, UnitMentorsController],
  providers: [MentoringService],
  exports: [MentoringService],
})
export class MentoringModule {}
