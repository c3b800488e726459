import { Body, Controller, Patch } from '@nestjs/common';
import { ApiBadRequestResponse, ApiForbiddenResponse, ApiOkResponse, ApiOperation, ApiTags, ApiUnauthorizedResponse } from '@nestjs/swagger';
import { ErrorResponseDto } from '../../common/error-response.dto';
import { AccountsService } from './accounts.service';
import { Authenticated, CurrentUser, type AuthUser } from './auth-user';
import { MeDto } from './dto/me.dto';
import { UpdateProfileDto } from './dto/update-profile.dto';

@ApiTags('auth')
@Controller('v1/me')
@Authenticated()
export class ProfileController {
  constructor(private readonly accounts: AccountsService) {}

  @Patch()
  @ApiOperation({ operationId: 'updateMe', summary: 'Change one\'s own profile and preferences (only the fields given)' })
  @ApiOkResponse({ type: MeDto })
  @ApiBadRequestResponse({ type: ErrorResponseDto, description: 'Invalid or unknown fields (role, roles, phone… are refused), an unknown unit' })
  @ApiUnauthorizedResponse({ type: ErrorResponseDto, description: 'Not signed in' })
  @ApiForbiddenResponse({ type: ErrorResponseDto, description: 'Missing or wrong x-csrf-token header' })
  update(@CurrentUser() user: AuthUser, @Body() body: UpdateProfileDto): Promise<MeDto> {
    return this.accounts.updateProfile(user, body);
  }
}
