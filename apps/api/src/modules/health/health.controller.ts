import { Controller, Get, HttpCode, Res } from '@nestjs/common';
import { ApiOkResponse, ApiProperty, ApiServiceUnavailableResponse, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { HealthService } from './health.service';

class DependencyCheckDto {
  @ApiProperty({ enum: ['up', 'down'] }) status!: 'up' | 'down';
  @ApiProperty() latencyMs!: number;
  @ApiProperty({ required: false, example: 'Redis is not reachable: connect ECONNREFUSED 127.0.0.1:6379' }) reason?: string;
}
class ReadinessChecksDto {
  @ApiProperty() database!: DependencyCheckDto;
  @ApiProperty() redis!: DependencyCheckDto;
}
export class LivenessDto {
  @ApiProperty({ enum: ['ok'] }) status!: 'ok';
}
export class ReadinessDto {
  @ApiProperty({ enum: ['ready', 'not_ready'] }) status!: 'ready' | 'not_ready';
  @ApiProperty() checks!: ReadinessChecksDto;
}

@ApiTags('health')
@Controller('health')
export class HealthController {
  constructor(private readonly health: HealthService) {}

  /** The process is up and serving (for restarts by an orchestrator). */
  @Get('live')
  @HttpCode(200)
  @ApiOkResponse({ type: LivenessDto })
  live(): LivenessDto {
    return { status: 'ok' };
  }

  /** PostgreSQL and Redis answer (for load balancers: send no traffic while this is 503). */
  @Get('ready')
  @ApiOkResponse({ type: ReadinessDto })
  @ApiServiceUnavailableResponse({ type: ReadinessDto })
  async ready(@Res({ passthrough: true }) reply: FastifyReply): Promise<ReadinessDto> {
    const checks = await this.health.checkAll();
    const ready = checks.database.status === 'up' && checks.redis.status === 'up';
    void reply.status(ready ? 200 : 503).header('cache-control', 'no-store');
    return { status: ready ? 'ready' : 'not_ready', checks };
  }
}
