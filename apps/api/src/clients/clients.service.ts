import { Injectable } from '@nestjs/common';
import type { ClientView, CreateClientRequest } from '#contracts';
import type { Actor } from '../common/actor.js';
import { notFound, validationFailed } from '../common/errors.js';
import { UnitOfWork } from '../database/tx.js';
import { normalisePhone } from './phone.js';
import { loadClient, toClientView, type ClientRow } from './clients.repository.js';

@Injectable()
export class ClientsService {
  constructor(private readonly uow: UnitOfWork) {}

  /** A client's record (safety plan, guardian, risk flags): every read is logged with the client as subject. */
  get(actor: Actor, id: string): Promise<ClientView> {
    return this.uow.run(actor, async (tx) => {
      const row = await loadClient(tx, id);
      if (!row) throw notFound('Client');
      await tx.audit({ action: 'client.read', entityType: 'client', entityId: id, subjectId: id });
      return toClientView(row);
    });
  }

  create(actor: Actor, req: CreateClientRequest): Promise<ClientView> {
    const digits = req.phoneNumbers.map((p, i) => ({ i, d: normalisePhone(p) }));
    const bad = digits.filter((x) => x.d === null);
    if (bad.length) throw validationFailed(bad.map((x) => ({ field: `phoneNumbers[${x.i}]`, message: 'too few digits to identify a caller' })));
    return this.uow.run(actor, async (tx) => {
      if (req.regionId && !(await tx.one(`SELECT 1 FROM region WHERE id = $1`, [req.regionId]))) {
        throw validationFailed([{ field: 'regionId', message: 'no such region' }]);
      }
      if (req.preferredHospitalId && !(await tx.one(`SELECT 1 FROM agency WHERE id = $1 AND kind = 'hospital'`, [req.preferredHospitalId]))) {
        throw validationFailed([{ field: 'preferredHospitalId', message: 'no such hospital' }]);
      }
      const row = (await tx.one<ClientRow>(
        `INSERT INTO client (display_name, phone_numbers, phone_digits, region_id, case_manager, safety_plan, risk_flags,
           guardian_contact, preferred_hospital_id, birth_year)
         VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9,$10) RETURNING *`,
        [
          req.displayName,
          req.phoneNumbers,
          [...new Set(digits.map((x) => x.d!))],
          req.regionId ?? null,
          req.caseManager ?? null,
          req.safetyPlan ?? null,
          [...new Set(req.riskFlags ?? [])],
          req.guardianContact ?? null,
          req.preferredHospitalId ?? null,
          req.birthYear ?? null,
        ],
      ))!;
      await tx.audit({ action: 'client.create', entityType: 'client', entityId: row.id, subjectId: row.id });
      return toClientView(row);
    });
  }
}
