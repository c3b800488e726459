import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { AppConfig } from '../../config/app-config';
import { PasswordHasher } from '../identity/password/password-hasher';
import type { Role } from '../identity/role-assignment.entity';

/** Demo people for trying the roles out; phone numbers of a reserved-looking 0900 00000x range. */
export const DEMO_ACCOUNTS: { phone: string; displayName: string; role: Role; unitCode: string | null; livesIn: string }[] = [
  { phone: '+84900000001', displayName: 'Quản trị hệ thống (demo)', role: 'administrator', unitCode: null, livesIn: 'X-12-TANPHONG' },
  { phone: '+84900000002', displayName: 'Cán bộ tỉnh Lai Châu (demo)', role: 'official', unitCode: '12', livesIn: 'X-12-TANPHONG' },
  { phone: '+84900000003', displayName: 'Cán bộ xã Bình Lư (demo)', role: 'official', unitCode: 'X-12-BINHLU', livesIn: 'X-12-BINHLU' },
];

/**
 * Creates the demo accounts (idempotently, keyed by phone and by the role assignment's unique index)
 * when DEMO_ACCOUNTS_PASSWORD is set — `npm start` sets it and prints it. Never set it in production.
 */
@Injectable()
export class DemoAccountsService {
  private readonly logger = new Logger(DemoAccountsService.name);

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly hasher: PasswordHasher,
    private readonly config: AppConfig,
  ) {}

  async importDemoAccounts(): Promise<{ created: string[] }> {
    const password = this.config.DEMO_ACCOUNTS_PASSWORD;
    if (!password) return { created: [] };
    const hash = await this.hasher.hash(password);
    const created: string[] = [];
    for (const account of DEMO_ACCOUNTS) {
      await this.dataSource.transaction(async (manager) => {
        const inserted = (await manager.query(
          `INSERT INTO users (display_name, phone, password_hash, unit_id, target_group)
           VALUES ($1, $2, $3, (SELECT id FROM administrative_units WHERE code = $4), 'officials')
           ON CONFLICT (phone) WHERE phone IS NOT NULL DO NOTHING RETURNING id`,
          [account.displayName, account.phone, hash, account.livesIn],
        )) as { id: string }[];
        if (!inserted[0]) return; // already there: never reset a password someone may have changed
        await manager.query(
          `INSERT INTO role_assignments (user_id, role, unit_id) VALUES ($1, $2, (SELECT id FROM administrative_units WHERE code = $3))`,
          [inserted[0].id, account.role, account.unitCode],
        );
        created.push(account.phone);
      });
    }
    if (created.length > 0) this.logger.log(`demo accounts created: ${created.length}`);
    return { created };
  }
}
