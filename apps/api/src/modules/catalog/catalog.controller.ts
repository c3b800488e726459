import { Controller, Get, Param, Query } from '@nestjs/common';
import { ApiBadRequestResponse, ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ErrorResponseDto } from '../../common/error-response.dto';
import { OptionalUser, type AuthUser } from '../identity/auth-user';
import { LanguageQuery } from '../learning/dto/learning.query';
import { CatalogService } from './catalog.service';
import { CourseDetailDto } from './dto/course-detail.dto';
import { CourseListDto } from './dto/course-summary.dto';
import { ListCoursesQuery } from './dto/list-courses.query';

@ApiTags('catalog')
@Controller('v1/courses')
export class CatalogController {
  constructor(private readonly catalog: CatalogService) {}

  @Get()
  @ApiOperation({
    operationId: 'listCourses',
    summary: 'Published courses (newest version of each): the signed-in learner’s target group first, then newest first; filters and accent-insensitive search',
  })
  @ApiOkResponse({ type: CourseListDto })
  @ApiBadRequestResponse({ type: ErrorResponseDto, description: 'A query parameter is unknown or invalid' })
  list(@Query() query: ListCoursesQuery, @OptionalUser() user: AuthUser | null): Promise<CourseListDto> {
    return this.catalog.listPublished(query, user);
  }

  @Get(':slug')
  @ApiOperation({ operationId: 'getCourse', summary: 'The course page: newest published version, modules and lessons, and the caller’s enrolment' })
  @ApiOkResponse({ type: CourseDetailDto })
  @ApiNotFoundResponse({ type: ErrorResponseDto, description: 'No published course with this slug' })
  get(@Param('slug') slug: string, @Query() query: LanguageQuery, @OptionalUser() user: AuthUser | null): Promise<CourseDetailDto> {
    return this.catalog.course(slug, query.lang, user);
  }
}
