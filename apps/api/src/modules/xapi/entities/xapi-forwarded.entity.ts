import { Column, Entity, PrimaryColumn } from 'typeorm';

/** A statement already forwarded to the external LRS (XAPI_FORWARD_URL): a repeated job skips it. */
@Entity({ name: 'xapi_forwarded' })
export class XapiForwarded {
  @PrimaryColumn({ name: 'statement_id', type: 'uuid' })
  statementId!: string;

  @Column({ name: 'forwarded_at', type: 'timestamptz' })
  forwardedAt!: Date;
}
