import { Injectable, Logger, type OnApplicationBootstrap } from '@nestjs/common';
import * as builtin from '@hyunbinseo/holidays-kr/all';
import type { Actor } from '../common/actor.js';
import { SYSTEM_ACTOR } from '../common/actor.js';
import { UnitOfWork } from '../database/tx.js';
import { AdmissionsService } from './admissions.service.js';
import { holidayDays, importBuiltinYears, replaceHolidays } from './holidays.repository.js';

/** The package's years (`y2026` → `2026`), as published in the official gazette, lunar and substitute days included. */
function builtinYears(): Record<string, Record<string, readonly string[]>> {
  const out: Record<string, Record<string, readonly string[]>> = {};
  for (const [name, days] of Object.entries(builtin)) if (/^y\d{4}$/.test(name)) out[name.slice(1)] = days;
  return out;
}

@Injectable()
export class HolidaysService implements OnApplicationBootstrap {
  private readonly log = new Logger('Holidays');

  constructor(
    private readonly uow: UnitOfWork,
    private readonly admissions: AdmissionsService,
  ) {}

  /** Loads built-in years the calendar has never had (first start, or a package update that adds a year). */
  async onApplicationBootstrap(): Promise<void> {
    const added = await this.uow.run(SYSTEM_ACTOR, (tx) => importBuiltinYears(tx, builtinYears()));
    if (added > 0) this.log.log(`holiday calendar: ${added} built-in public holidays loaded`);
  }

  list(actor: Actor): Promise<string[]> {
    return this.uow.run(actor, (tx) => holidayDays(tx));
  }

  /** The admin's calendar replaces the current one; running admission clocks are recomputed in the same transaction. */
  replace(actor: Actor, days: string[]): Promise<string[]> {
    return this.uow.run(actor, async (tx) => {
      const unique = [...new Set(days)].sort();
      const { added, removed } = await replaceHolidays(tx, unique);
      const recomputed = await this.admissions.recomputeActive(tx, new Set(unique));
      await tx.audit({ action: 'holidays.replaced', entityType: 'holiday', details: { added, removed, recomputed } });
      return unique;
    });
  }
}
