import { ApiProperty } from '@nestjs/swagger';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsIn, IsString, MaxLength, MinLength } from 'class-validator';
import { XAPI_SCOPES, type XapiScope } from '../entities/xapi-client.entity';

export class CreateXapiClientDto {
  @ApiProperty({ example: 'Nội dung H5P xã Bình Lư', description: 'What the credentials are for (shown in the list)' })
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  name!: string;

  @ApiProperty({ enum: XAPI_SCOPES, enumName: 'XapiScope', isArray: true, example: ['statements/write', 'state'] })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(XAPI_SCOPES.length)
  @IsIn(XAPI_SCOPES, { each: true, message: `each scope must be one of: ${XAPI_SCOPES.join(', ')}` })
  scopes!: XapiScope[];
}

export class XapiClientDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ description: 'The HTTP Basic user name', example: 'hx3f9c0a1b2c3d4e5f60718293' }) key!: string;
  @ApiProperty() name!: string;
  @ApiProperty({ enum: XAPI_SCOPES, enumName: 'XapiScope', isArray: true }) scopes!: XapiScope[];
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) revokedAt!: string | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) lastUsedAt!: string | null;
}

export class XapiClientListDto {
  @ApiProperty({ type: [XapiClientDto] }) items!: XapiClientDto[];
  @ApiProperty({ description: 'The LRS endpoint to configure in xAPI clients', example: 'https://hocso.example.vn/xapi/' }) endpoint!: string;
}

export class IssuedXapiClientDto extends XapiClientDto {
  @ApiProperty({ description: 'The HTTP Basic password. Shown this once: only a hash is kept.' }) secret!: string;
  @ApiProperty({ description: 'The LRS endpoint', example: 'https://hocso.example.vn/xapi/' }) endpoint!: string;
}
