import { Controller, Get, Param, Query } from '@nestjs/common';
import { ApiBadRequestResponse, ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiParam, ApiTags } from '@nestjs/swagger';
import { ErrorResponseDto } from '../../common/error-response.dto';
import { FrameworkDto, FrameworkListDto } from './dto/framework.dto';
import { FrameworkQuery } from './dto/framework.query';
import { FrameworksService } from './frameworks.service';

@ApiTags('competencies')
@Controller('v1/frameworks')
export class FrameworksController {
  constructor(private readonly frameworks: FrameworksService) {}

  @Get()
  @ApiOperation({ operationId: 'listFrameworks', summary: 'Digital-competence frameworks (every version), with names in Vietnamese and English' })
  @ApiOkResponse({ type: FrameworkListDto })
  list(): FrameworkListDto {
    return this.frameworks.list();
  }

  @Get(':id')
  @ApiOperation({ operationId: 'getFramework', summary: 'A framework: its levels, areas and competencies, in Vietnamese and English' })
  @ApiParam({ name: 'id', example: 'vn-757-2025' })
  @ApiOkResponse({ type: FrameworkDto })
  @ApiBadRequestResponse({ type: ErrorResponseDto, description: 'The version is not a version number' })
  @ApiNotFoundResponse({ type: ErrorResponseDto, description: 'No such framework, or no such version of it' })
  get(@Param('id') id: string, @Query() query: FrameworkQuery): FrameworkDto {
    return this.frameworks.get(id, query.version);
  }
}
