import { z } from 'zod';
import { HANDOFF_DECLINE_REASONS, type AgencyKind } from './vocabulary.js';
import type { AgencyView, HandoffView } from './responses.js';
import type { HandoffEventData } from './events.js';

// Partner webhooks (Standard Webhooks) and the signed inbound partner API.

export const WEBHOOK_DELIVERY_STATUSES = ['pending', 'delivered', 'failed'] as const;
export type WebhookDeliveryStatus = (typeof WEBHOOK_DELIVERY_STATUSES)[number];

export interface WebhookDeliveryView {
  id: string;
  agencyId: string;
  eventSeq: number;
  eventType: string;
  status: WebhookDeliveryStatus;
  attempts: number;
  lastStatus: number | null;
  lastError: string | null;
  nextAttemptAt: string | null;
  deliveredAt: string | null;
  createdAt: string;
}

/** One agency's webhook and how its deliveries stand, for the console's deliveries screen. */
export interface WebhookAgencySummary {
  agencyId: string;
  code: string;
  name: string;
  kind: AgencyKind;
  webhookUrl: string | null;
  pending: number;
  delivered: number;
  failed: number;
}

/** A handoff event's webhook data: the event's own fields plus the handoff in the agency's view. */
export type WebhookHandoffData = HandoffEventData & { handoff?: HandoffView };

/** POST /agencies answers with the secret once, when a webhook URL was given. */
export type AgencyCreatedView = AgencyView & { webhookSecret?: string };

export interface WebhookSecretView {
  webhookSecret: string;
}

export const deliveriesQuerySchema = z.strictObject({
  status: z.enum(WEBHOOK_DELIVERY_STATUSES).optional(),
  limit: z.coerce.number().int().min(1).max(500).optional(),
});

/** What a partner system may answer; a decline carries its reason code (and words with `other`). */
export const partnerAnswerSchema = z.discriminatedUnion('action', [
  z.strictObject({ action: z.literal('accept') }),
  z.strictObject({
    action: z.literal('decline'),
    reasonCode: z.enum(HANDOFF_DECLINE_REASONS),
    reasonText: z.string().trim().min(1).max(500).optional(),
  }),
  z.strictObject({ action: z.literal('contact-confirmed') }),
  z.strictObject({ action: z.literal('complete') }),
]);
export type PartnerAnswerRequest = z.infer<typeof partnerAnswerSchema>;
