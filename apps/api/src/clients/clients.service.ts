import { Injectable } from '@nestjs/common';
import type {
  ClientHistoryItem,
  ClientSearchItem,
  ClientView,
  CreateClientRequest,
  SafetyPlan,
  UpdateClientRequest,
} from '#contracts';
import { refusalOf, type ClientRecordAction } from '#contracts';
import type { Actor } from '../common/actor.js';
import { forbidden, notFound, validationFailed } from '../common/errors.js';
import { type Tx, UnitOfWork } from '../database/tx.js';
import { normalisePhone } from './phone.js';
import { clientScope, inScope, type ClientScope } from './client-scope.js';
import { agencyKind, communityCentreOf } from '../agencies/agencies.repository.js';
import { regionExists } from '../regions/regions.repository.js';
import {
  clientHistory,
  insertClient,
  loadClient,
  saveSafetyPlan,
  searchClients,
  toClientView,
  updateClient,
  type ClientRow,
  type ClientWrite,
} from './clients.repository.js';

/** A phone fragment this long is specific enough to search by ("…5678"). */
const MIN_FRAGMENT_DIGITS = 4;

type Outcome<T> = { ok: true; value: T } | { ok: false; refusedId: string };

@Injectable()
export class ClientsService {
  constructor(private readonly uow: UnitOfWork) {}

  /** Search by name or phone in the caller's scope. A search is a read: every client shown is logged as a subject. */
  search(actor: Actor, q: string): Promise<ClientSearchItem[]> {
    return this.uow.read(actor, async (tx) => {
      const scope = await this.scope(tx);
      const digitsOnly = q.replace(/\D/g, '');
      const looksLikePhone = /^[+0-9 ()-]+$/.test(q) && digitsOnly.length >= MIN_FRAGMENT_DIGITS;
      const digits = looksLikePhone ? (normalisePhone(q) ?? digitsOnly) : null;
      const items = await searchClients(tx, {
        text: looksLikePhone || q === '' ? null : q,
        digits,
        agencyId: scope.kind === 'centre' ? scope.agencyId : null,
      });
      // The query text is not logged (it may be a phone number); who was shown is.
      if (items.length === 0)
        await tx.audit({
          action: 'client.searched',
          entityType: 'client',
          details: { results: 0, byPhone: looksLikePhone },
        });
      for (const c of items)
        await tx.audit({
          action: 'client.searched',
          entityType: 'client',
          entityId: c.id,
          subjectId: c.id,
          details: { byPhone: looksLikePhone },
        });
      return items;
    });
  }

  /** A client's record (safety plan, guardian, cautions): every read is logged with the client as subject. */
  get(actor: Actor, id: string): Promise<ClientView> {
    return this.scoped(actor, id, 'client.read', async (_tx, row) => toClientView(row), 'read');
  }

  history(actor: Actor, id: string): Promise<ClientHistoryItem[]> {
    return this.scoped(actor, id, 'client.history-read', (tx) => clientHistory(tx, id), 'read');
  }

  create(actor: Actor, req: CreateClientRequest): Promise<ClientView> {
    const phones = phoneColumns(req.phones);
    return this.uow.run(actor, async (tx) => {
      const scope = await this.scope(tx);
      const write: ClientWrite = { ...(await this.fields(tx, scope, req, null)), ...phones, created_by: actor.userId };
      if (write.registered_with_agency_id === undefined) {
        write.registered_with_agency_id =
          scope.kind === 'centre' ? scope.agencyId : await communityCentreOf(tx, req.regionId ?? null);
      }
      const id = await insertClient(tx, write);
      await tx.audit({
        action: 'client.created',
        entityType: 'client',
        entityId: id,
        subjectId: id,
        details: { basis: req.basis.kind },
      });
      return toClientView((await loadClient(tx, id))!);
    });
  }

  update(actor: Actor, id: string, req: UpdateClientRequest): Promise<ClientView> {
    const phones = req.phones ? phoneColumns(req.phones) : {};
    return this.scoped(actor, id, 'client.updated', async (tx, row, scope) => {
      if (!req.basis && !row.basis_kind)
        throw validationFailed([
          {
            field: 'basis',
            message: 'this record has no legal basis yet: state the consent (with its scope) or the vital interest',
          },
        ]);
      const write: ClientWrite = { ...(await this.fields(tx, scope, req, row)), ...phones };
      await updateClient(tx, id, write);
      return toClientView((await loadClient(tx, id))!);
    });
  }

  putSafetyPlan(actor: Actor, id: string, plan: SafetyPlan): Promise<ClientView> {
    return this.scoped(actor, id, 'client.safety-plan-updated', async (tx) => {
      await saveSafetyPlan(tx, id, plan);
      return toClientView((await loadClient(tx, id))!);
    });
  }

  /**
   * Loads the record, checks the caller's scope and writes the audit row of `action` with the client as subject:
   * an audited read (UnitOfWork.read) in 'read' mode, else a change with the row locked. A refusal is logged too (PIPA:
   * attempted access to a person's record), in its own transaction so it survives.
   */
  private async scoped<T>(
    actor: Actor,
    id: string,
    action: ClientRecordAction,
    work: (tx: Tx, row: ClientRow, scope: ClientScope) => Promise<T>,
    mode: 'read' | 'write' = 'write',
  ): Promise<T> {
    const unit = async (tx: Tx): Promise<Outcome<T>> => {
      const scope = await this.scope(tx);
      const row = await loadClient(tx, id, mode === 'write');
      if (!row) throw notFound('Client');
      if (!inScope(scope, row.registered_with_agency_id)) return { ok: false, refusedId: id };
      await tx.audit({ action, entityType: 'client', entityId: id, subjectId: id });
      return { ok: true, value: await work(tx, row, scope) };
    };
    const outcome = await (mode === 'read' ? this.uow.read(actor, unit) : this.uow.run(actor, unit));
    if (outcome.ok) return outcome.value;
    await this.uow.run(actor, (tx) =>
      tx.audit({ action: refusalOf(action), entityType: 'client', entityId: id, subjectId: id }),
    );
    throw forbidden('This client is registered with another centre');
  }

  private async scope(tx: Tx): Promise<ClientScope> {
    const { actor } = tx;
    return clientScope(actor, actor.role === 'agency' && actor.agencyId ? await agencyKind(tx, actor.agencyId) : null);
  }

  /** The request's fields as columns, checked against the caller's scope and the referenced rows. */
  private async fields(
    tx: Tx,
    scope: ClientScope,
    req: UpdateClientRequest,
    current: ClientRow | null,
  ): Promise<ClientWrite> {
    const w: ClientWrite = {
      display_name: req.name,
      birth_year: req.birthYear,
      case_manager: req.caseManager === '' ? null : req.caseManager,
      region_id: req.regionId,
      risk_flags: req.riskFlags ? [...new Set(req.riskFlags)] : undefined,
      guardian_contact: req.guardianContact === '' ? null : req.guardianContact,
      preferred_hospital_id: req.preferredHospitalId,
    };
    if (req.caution) {
      w.caution_weapon = req.caution.weapon ?? current?.caution_weapon ?? false;
      w.caution_violence = req.caution.violence ?? current?.caution_violence ?? false;
      w.caution_note = req.caution.note === undefined ? (current?.caution_note ?? null) : req.caution.note || null;
    }
    if (req.basis) {
      // Who recorded the basis is the signed-in user, never a name typed into the form.
      Object.assign(w, {
        basis_kind: req.basis.kind,
        basis_scope: req.basis.scope ?? null,
        basis_note: req.basis.note ?? null,
        basis_at: req.basis.at,
        basis_recorded_by: tx.actor.userId,
      });
    }
    if (req.registeredWithAgencyId !== undefined) {
      const target = req.registeredWithAgencyId;
      if (scope.kind === 'centre' && target !== scope.agencyId)
        throw forbidden('A centre registers clients with itself only');
      if (target !== null && (await agencyKind(tx, target)) !== 'community') {
        throw validationFailed([
          { field: 'registeredWithAgencyId', message: 'no such community mental health centre' },
        ]);
      }
      w.registered_with_agency_id = target;
    }
    if (req.regionId && !(await regionExists(tx, req.regionId)))
      throw validationFailed([{ field: 'regionId', message: 'no such region' }]);
    if (req.preferredHospitalId && (await agencyKind(tx, req.preferredHospitalId)) !== 'hospital') {
      throw validationFailed([{ field: 'preferredHospitalId', message: 'no such hospital' }]);
    }
    return w;
  }
}

/** Stored numbers as written, and their normalised digits for matching callers; refuses numbers too short to match. */
function phoneColumns(phones: string[]): Pick<ClientWrite, 'phone_numbers' | 'phone_digits'> {
  const digits = phones.map((p, i) => ({ i, d: normalisePhone(p) }));
  const bad = digits.filter((x) => x.d === null);
  if (bad.length)
    throw validationFailed(
      bad.map((x) => ({ field: `phones[${x.i}]`, message: 'too few digits to identify a caller' })),
    );
  return { phone_numbers: phones, phone_digits: [...new Set(digits.map((x) => x.d!))] };
}
