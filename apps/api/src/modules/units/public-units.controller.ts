import { Controller, Get, Query } from '@nestjs/common';
import { ApiBadRequestResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ErrorResponseDto } from '../../common/error-response.dto';
import { PublicUnitListDto, PublicUnitsQuery } from './dto/unit.dto';
import { UnitsService } from './units.service';

/**
 * The administrative units people may choose as where they live, for the sign-up and profile
 * forms. Public (sign-up happens before there is a session): unit names and codes are public facts;
 * nothing about populations, households or people is returned.
 */
@ApiTags('units')
@Controller('v1/units')
export class PublicUnitsController {
  constructor(private readonly units: UnitsService) {}

  @Get()
  @ApiOperation({
    operationId: 'listPublicUnits',
    summary: 'The communes of the installation, or the children of a unit (its villages), by name; no sign-in needed',
  })
  @ApiOkResponse({ type: PublicUnitListDto })
  @ApiBadRequestResponse({ type: ErrorResponseDto, description: 'parentId is not a UUID or level is not commune/village' })
  async list(@Query() query: PublicUnitsQuery): Promise<PublicUnitListDto> {
    return { items: await this.units.publicList(query) };
  }
}
