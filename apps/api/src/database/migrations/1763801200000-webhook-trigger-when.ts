import type { MigrationInterface, QueryRunner } from 'typeorm';

// Issue 12: the webhook outbox trigger ran its function, and a scan of every agency, for every event, though only an
// event whose audience names an agency room ('agency:<id>') can reach a webhook (1763800700000). The WHEN clause
// says so to PostgreSQL, which then skips the call for the others (an incident create raises two such events).
// Which rows the function inserts is unchanged.
export class WebhookTriggerWhen1763801200000 implements MigrationInterface {
  name = 'WebhookTriggerWhen1763801200000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`DROP TRIGGER trg_event_webhooks ON event`);
    await q.query(
      `CREATE TRIGGER trg_event_webhooks AFTER INSERT ON event FOR EACH ROW
       WHEN (array_to_string(NEW.audience, ' ') LIKE '%agency:%')
       EXECUTE FUNCTION enqueue_webhook_deliveries()`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TRIGGER trg_event_webhooks ON event`);
    await q.query(
      `CREATE TRIGGER trg_event_webhooks AFTER INSERT ON event FOR EACH ROW EXECUTE FUNCTION enqueue_webhook_deliveries()`,
    );
  }
}
