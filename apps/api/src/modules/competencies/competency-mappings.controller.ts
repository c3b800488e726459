import { Body, Controller, HttpCode, HttpStatus, Post, Query } from '@nestjs/common';
import { ApiBadRequestResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ErrorResponseDto } from '../../common/error-response.dto';
import { CompetencyMappingService } from './competency-mapping.service';
import { CourseMappingDto } from './dto/course-mapping.dto';
import { MappingValidationDto, ValidateMappingQuery } from './dto/mapping-validation.dto';

@ApiTags('competencies')
@Controller('v1/competency-mappings')
export class CompetencyMappingsController {
  constructor(private readonly mappings: CompetencyMappingService) {}

  @Post('validate')
  @HttpCode(HttpStatus.OK)
  @ApiOperation({
    operationId: 'validateCompetencyMapping',
    summary: 'Checks the competency mapping of a course\'s lessons and quiz items against the frameworks (nothing is stored)',
  })
  @ApiOkResponse({ type: MappingValidationDto, description: 'The mapping is valid (it may have warnings)' })
  @ApiBadRequestResponse({
    type: ErrorResponseDto,
    description: 'The mapping is invalid: each detail names a field by its path (e.g. items[0].teaches[0].level) with the reason in `lang`',
  })
  validate(@Body() body: CourseMappingDto, @Query() query: ValidateMappingQuery): MappingValidationDto {
    const { valid, errors, warnings } = this.mappings.validateForRequest(body, query.lang ?? 'vi');
    return { valid, errors: [...errors], warnings: [...warnings] };
  }
}
