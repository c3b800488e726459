import { Module } from '@nestjs/common';
import { AuditModule } from '../audit/audit.module';
import { CsvBodyParser } from './csv-body-parser';
import { HouseholdsController } from './households.controller';
import { HouseholdsService } from './households.service';
import { PublicUnitsController } from './public-units.controller';
import { UnitsService } from './units.service';

/**
 * The administrative tree (units, populations, CSV imports) and "Digital Family" households.
 * Scope of officials: UnitScope. The administration endpoints are in AdminModule.
 */
@Module({
  imports: [AuditModule],
  controllers: [HouseholdsController, PublicUnitsController],
  providers: [UnitsService, HouseholdsService, CsvBodyParser],
  exports: [UnitsService, HouseholdsService],
})
export class UnitsModule {}
