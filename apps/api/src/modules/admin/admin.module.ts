import { Module } from '@nestjs/common';
import { AuditModule } from '../audit/audit.module';
import { UnitsModule } from '../units/units.module';
import { AdminHouseholdsController } from './admin-households.controller';
import { AdminUnitsController } from './admin-units.controller';
import { AdminUsersController } from './admin-users.controller';
import { AdminUsersService } from './admin-users.service';

/**
 * /api/v1/admin: units, users and roles, households, for administrators (everything) and officials
 * (their subtree; see UnitScope). Access is checked by the global SessionGuard (@RequireRoles) and,
 * again, by every query. Audit entries go through the global AuditService.
 */
@Module({
  imports: [UnitsModule, AuditModule],
  controllers: [AdminUnitsController, AdminUsersController, AdminHouseholdsController],
  providers: [AdminUsersService],
})
export class AdminModule {}
