/**
 * The database itself refuses to change or delete audit entries (triggers), so only someone who
 * can alter the schema can tamper with the log — and the hash chain still shows that they did.
 */
import { sql } from 'kysely';
import type { StoreMigration } from './migration.js';

export const auditAppendOnlyMigration: StoreMigration = {
  async up(db, dialect) {
    if (dialect === 'postgres') {
      await sql`create function covered_audit_append_only() returns trigger language plpgsql as $$ begin raise exception 'the audit log is append-only'; end $$`.execute(db);
      await sql`create trigger audit_log_append_only before update or delete on audit_log for each row execute function covered_audit_append_only()`.execute(db);
      await sql`create trigger audit_head_forward_only before delete on audit_head for each row execute function covered_audit_append_only()`.execute(db);
    } else {
      await sql`create trigger audit_log_no_update before update on audit_log begin select raise(abort, 'the audit log is append-only'); end`.execute(db);
      await sql`create trigger audit_log_no_delete before delete on audit_log begin select raise(abort, 'the audit log is append-only'); end`.execute(db);
      await sql`create trigger audit_head_no_delete before delete on audit_head begin select raise(abort, 'the audit log is append-only'); end`.execute(db);
    }
  },
};
