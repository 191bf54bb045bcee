import { Injectable } from '@nestjs/common';
import type { PutSkillsRequest, SkillView } from '#contracts';
import type { Actor } from '../common/actor.js';
import { DomainError } from '../common/errors.js';
import { Db } from '../database/db.js';
import { UnitOfWork, type Tx } from '../database/tx.js';
import { listSkills, replaceSkills, skillsInUse, unknownSkills } from './skills.repository.js';

/** The centre's team-skill vocabulary: a centre adds `vietnamese` or `peer-support` without a code change. */
@Injectable()
export class SkillsService {
  constructor(
    private readonly db: Db,
    private readonly uow: UnitOfWork,
  ) {}

  list(): Promise<SkillView[]> {
    return listSkills(this.db);
  }

  replace(actor: Actor, skills: PutSkillsRequest): Promise<SkillView[]> {
    return this.uow.run(actor, async (tx) => {
      const removed = await replaceSkills(tx, skills);
      const used = await skillsInUse(tx, removed);
      if (used.length) {
        throw new DomainError(
          'CONFLICT',
          `Skills still carried by a team: ${used.map((u) => `${u.code} (${u.callsign})`).join(', ')}`,
          used.map((u) => ({ field: 'code', message: `${u.code} is carried by ${u.callsign}` })),
        );
      }
      await tx.audit({
        action: 'skills.replaced',
        entityType: 'skill',
        details: { codes: skills.map((s) => s.code), removed },
      });
      return listSkills(tx);
    });
  }
}

/** Refuses skill codes outside the vocabulary with a 400 naming `field`. Call inside the team's write transaction. */
export async function requireKnownSkills(tx: Tx, codes: readonly string[], field = 'skills'): Promise<void> {
  const unknown = await unknownSkills(tx, codes);
  if (unknown.length) {
    throw new DomainError(
      'VALIDATION_FAILED',
      `${field}: unknown skill ${unknown.join(', ')} (GET /skills lists the centre's skills)`,
      [{ field, message: `unknown skill: ${unknown.join(', ')}` }],
    );
  }
}
