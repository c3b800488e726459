import { Controller, Get, Query } from '@nestjs/common';
import { ApiBadRequestResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ErrorResponseDto } from '../../common/error-response.dto';
import { CatalogService } from './catalog.service';
import { CourseListDto } from './dto/course-summary.dto';
import { ListCoursesQuery } from './dto/list-courses.query';

@ApiTags('catalog')
@Controller('v1/courses')
export class CatalogController {
  constructor(private readonly catalog: CatalogService) {}

  @Get()
  @ApiOperation({ operationId: 'listCourses', summary: 'Published courses, newest first' })
  @ApiOkResponse({ type: CourseListDto })
  @ApiBadRequestResponse({ type: ErrorResponseDto, description: 'A query parameter is unknown or invalid' })
  list(@Query() query: ListCoursesQuery): Promise<CourseListDto> {
    return this.catalog.listPublished(query);
  }
}
