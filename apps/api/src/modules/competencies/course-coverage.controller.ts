import { Controller, Get, Param, Query } from '@nestjs/common';
import { ApiBadRequestResponse, ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiParam, ApiTags } from '@nestjs/swagger';
import { ErrorResponseDto } from '../../common/error-response.dto';
import { CourseCoverageService } from './course-coverage.service';
import { CourseCoverageDto, CourseCoverageQuery } from './dto/course-coverage.dto';

@ApiTags('competencies')
@Controller('v1/courses')
export class CourseCoverageController {
  constructor(private readonly coverage: CourseCoverageService) {}

  @Get(':slug/coverage')
  @ApiOperation({
    operationId: 'getCourseCoverage',
    summary: 'How far the newest published version of a course covers the required profile of a target group',
  })
  @ApiParam({ name: 'slug', example: 'nhan-biet-lua-dao-truc-tuyen' })
  @ApiOkResponse({ type: CourseCoverageDto })
  @ApiBadRequestResponse({ type: ErrorResponseDto, description: 'The target group is missing or unknown' })
  @ApiNotFoundResponse({ type: ErrorResponseDto, description: 'No published version of a course with this slug' })
  get(@Param('slug') slug: string, @Query() query: CourseCoverageQuery): Promise<CourseCoverageDto> {
    return this.coverage.forCourse(slug, query.targetGroup);
  }
}
